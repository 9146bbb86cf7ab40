#include "app/log/LogDock.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include "app/log/LogFilterModel.h"
#include "app/log/LogModel.h"
#include "app/log/LogRelay.h"

namespace cw::app {

LogDock::LogDock(QWidget* parent)
    : QDockWidget(tr("Log"), parent),
      m_model(new LogModel(this)),
      m_filter(new LogFilterModel(this)),
      m_levelCombo(new QComboBox),
      m_view(new QTableView) {
    setObjectName(QStringLiteral("LogDock"));
    m_filter->setSourceModel(m_model);

    m_levelCombo->addItem(tr("Debug and above"), static_cast<int>(log::Level::Debug));
    m_levelCombo->addItem(tr("Info and above"), static_cast<int>(log::Level::Info));
    m_levelCombo->addItem(tr("Warnings and errors"), static_cast<int>(log::Level::Warn));
    m_levelCombo->addItem(tr("Errors only"), static_cast<int>(log::Level::Error));
    m_levelCombo->setCurrentIndex(1);
    connect(m_levelCombo, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setMinimumLevel(static_cast<log::Level>(m_levelCombo->currentData().toInt()));
    });

    auto* clear = new QToolButton;
    clear->setText(tr("Clear"));
    clear->setToolTip(tr("Remove all messages from the log"));
    connect(clear, &QToolButton::clicked, m_model, &LogModel::clear);

    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Show:")));
    bar->addWidget(m_levelCombo);
    bar->addStretch();
    bar->addWidget(clear);

    m_view->setModel(m_filter);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setShowGrid(false);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(LogModel::TimeColumn,
                                                     QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(LogModel::LevelColumn,
                                                     QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(LogModel::SourceColumn,
                                                     QHeaderView::ResizeToContents);

    auto* content = new QWidget;
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(m_view);
    setWidget(content);

    connect(LogRelay::instance(), &LogRelay::message, this,
            [this](log::Level level, const QString& source, const QString& text) {
                const bool atEnd =
                    m_view->verticalScrollBar()->value() == m_view->verticalScrollBar()->maximum();
                m_model->append(level, source, text);
                if (atEnd) m_view->scrollToBottom();
            });
}

}  // namespace cw::app
