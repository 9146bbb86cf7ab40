#include "app/workbook/OverviewPage.h"

#include <QDate>
#include <QDir>
#include <QFileInfo>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QVBoxLayout>

#include "app/widgets/FlowLayout.h"
#include "app/widgets/Format.h"
#include "app/widgets/StatTile.h"
#include "app/workbook/WorkbookSummary.h"

namespace cw::app {
namespace {

// The workbook tables shown as tiles, in reading order.
const char* const kTileTables[] = {"customers",        "transactions",       "managers",
                                   "survey_responses", "service_attributes", "notes",
                                   "cost_to_serve",    "custom_fields"};

QLabel* heading(const QString& text) {
    auto* label = new QLabel(text);
    QFont f = label->font();
    f.setPointSizeF(f.pointSizeF() * 1.2);
    f.setBold(true);
    label->setFont(f);
    return label;
}

QLabel* paragraph() {
    auto* label = new QLabel;
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText);
    label->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QGroupBox* box(const QString& title, QLabel* body) {
    auto* group = new QGroupBox(title);
    group->setFixedWidth(group->fontMetrics().averageCharWidth() * 42);
    auto* layout = new QVBoxLayout(group);
    layout->addWidget(body);
    return group;
}

struct MatrixText {
    const char* title;
    const char* axes;
    const char* quadrants;
};

}  // namespace

OverviewPage::OverviewPage(QWidget* parent)
    : QScrollArea(parent),
      m_title(new QLabel),
      m_subtitle(new QLabel),
      m_coverage(paragraph()),
      m_quality(paragraph()),
      m_imports(paragraph()) {
    setObjectName(QStringLiteral("OverviewPage"));
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);  // the page reflows instead
    setWidget(buildContents());
}

QWidget* OverviewPage::buildContents() {
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.8);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_subtitle->setForegroundRole(QPalette::PlaceholderText);
    m_subtitle->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* tiles = new FlowLayout;
    int tileWidth = fontMetrics().averageCharWidth() * 16;
    for (const char* table : kTileTables)
        tileWidth = qMax(tileWidth, fontMetrics().horizontalAdvance(tableTitle(table)) + 40);
    for (const char* table : kTileTables) {
        auto* tile = new StatTile(tableTitle(table));
        tile->setFixedWidth(tileWidth);  // one width for all: the tiles line up as a grid
        m_tiles[table] = tile;
        tiles->addWidget(tile);
    }

    auto* facts = new FlowLayout;
    facts->addWidget(box(tr("Date coverage"), m_coverage));
    facts->addWidget(box(tr("Data quality"), m_quality));
    facts->addWidget(box(tr("Imports"), m_imports));

    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->setSpacing(12);
    layout->addWidget(m_title);
    layout->addWidget(m_subtitle);
    layout->addSpacing(4);
    layout->addWidget(heading(tr("What the workbook holds")));
    layout->addLayout(tiles);
    layout->addLayout(facts);
    layout->addSpacing(4);
    layout->addWidget(buildMatrices());
    layout->addStretch();
    return page;
}

QWidget* OverviewPage::buildMatrices() {
    static const MatrixText kMatrices[] = {
        {QT_TR_NOOP("Importance × satisfaction"), QT_TR_NOOP("service attributes"),
         QT_TR_NOOP("keep up the good work · concentrate here · possible overkill · low priority")},
        {QT_TR_NOOP("Profitability × potential"), QT_TR_NOOP("customers"),
         QT_TR_NOOP("develop · maintain · grow share · rationalise cost to serve")},
        {QT_TR_NOOP("Profitability × satisfaction"), QT_TR_NOOP("customers"),
         QT_TR_NOOP("secure · at risk · reprice or re-serve · fix or let go")},
        {QT_TR_NOOP("Profitability × loyalty"), QT_TR_NOOP("customers"),
         QT_TR_NOOP("true friends · butterflies · barnacles · strangers")},
        {QT_TR_NOOP("Satisfaction × loyalty"), QT_TR_NOOP("customers"),
         QT_TR_NOOP("loyalists · mercenaries · hostages · defectors")},
    };
    auto* group = new QGroupBox(tr("The five Clienting matrices"));
    auto* layout = new QVBoxLayout(group);
    auto* cards = new FlowLayout;
    auto* intro = new QLabel(
        tr("Each matrix places %1 on two axes with four named quadrants, by segment, channel, "
           "region or manager. <b>Analysis › Analyze</b> (Ctrl+R) computes them from the data the "
           "tiles above count.")
            .arg(tr("customers (or service attributes)")));
    intro->setWordWrap(true);
    intro->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(intro);
    layout->addLayout(cards);
    for (const auto& m : kMatrices) {
        auto* card = new QFrame;
        card->setFixedWidth(card->fontMetrics().averageCharWidth() * 30);
        card->setFrameShape(QFrame::StyledPanel);
        auto* cardLayout = new QVBoxLayout(card);
        auto* title = new QLabel(QStringLiteral("<b>%1</b>").arg(tr(m.title)));
        title->setWordWrap(true);
        auto* points = new QLabel(tr("points: %1").arg(tr(m.axes)));
        points->setForegroundRole(QPalette::PlaceholderText);
        auto* quadrants = new QLabel(tr(m.quadrants));
        quadrants->setWordWrap(true);
        cardLayout->addWidget(title);
        cardLayout->addWidget(points);
        cardLayout->addWidget(quadrants);
        cards->addWidget(card);
    }
    return group;
}

void OverviewPage::setSummary(const WorkbookSummary& summary) {
    const QFileInfo file(summary.path);
    m_title->setText(file.fileName());
    m_subtitle->setText(tr("%1 · schema version %2")
                            .arg(QDir::toNativeSeparators(summary.path))
                            .arg(summary.schemaVersion));
    for (auto& [table, tile] : m_tiles)
        tile->setValue(formatCount(summary.count(table)), toQString(table));

    if (summary.imports.empty()) {
        m_imports->setText(
            tr("Nothing imported yet. Use <b>File › Import data…</b> to load "
               "transactions, customers, managers, surveys, cost to serve or notes."));
        return;
    }
    const auto& last = summary.imports.back();
    std::int64_t loaded = 0, rejected = 0;
    for (const auto& s : summary.imports) {
        loaded += s.loaded;
        rejected += s.rejected;
    }
    const auto n = static_cast<std::int64_t>(summary.imports.size());
    m_imports->setText(
        (n == 1 ? tr("1 import") : tr("%1 imports").arg(formatCount(n))) +
        tr(": %1 rows loaded, %2 rejected.<br>Latest: <b>%3</b> into %4 on %5.")
            .arg(formatCount(loaded), formatCount(rejected),
                 toQString(last.fileName.empty() ? last.file : last.fileName).toHtmlEscaped(),
                 tableTitle(last.table).toLower(), formatIsoDateTime(last.startedAt)));
}

void OverviewPage::setAudit(std::shared_ptr<const store::AuditReport> report) {
    if (!report) {
        m_coverage->setText(tr("Checking…"));
        m_quality->setText(tr("Checking…"));
        return;
    }
    if (report->firstTransaction.empty()) {
        m_coverage->setText(tr("No transactions yet."));
    } else {
        const QDate first = QDate::fromString(toQString(report->firstTransaction), Qt::ISODate);
        const QDate last = QDate::fromString(toQString(report->lastTransaction), Qt::ISODate);
        const int months = (last.year() - first.year()) * 12 + last.month() - first.month() + 1;
        QString text = tr("Transactions from <b>%1</b> to <b>%2</b> (%3 months).")
                           .arg(formatIsoDate(report->firstTransaction),
                                formatIsoDate(report->lastTransaction))
                           .arg(months);
        const auto gaps = report->monthsWithoutTransactions.size();
        text += QStringLiteral("<br>") +
                (gaps == 0 ? tr("Every month in that range has transactions.")
                           : tr("Months without transactions: %1 (%2).")
                                 .arg(gaps)
                                 .arg(toQString(report->monthsWithoutTransactions.front()) +
                                      (gaps > 1 ? QStringLiteral(" …") : QString())));
        m_coverage->setText(text);
    }
    int counts[3] = {0, 0, 0};
    for (const auto& f : report->findings) ++counts[static_cast<int>(f.severity)];
    QString text = tr("<b>%1</b> errors, <b>%2</b> warnings, %3 notes.")
                       .arg(counts[int(store::Severity::Error)])
                       .arg(counts[int(store::Severity::Warning)])
                       .arg(counts[int(store::Severity::Info)]);
    for (const auto& f : report->findings)
        if (f.severity != store::Severity::Info) {
            text +=
                QStringLiteral("<br>") + tr("First: %1").arg(toQString(f.message).toHtmlEscaped());
            break;
        }
    text += QStringLiteral("<br>") + tr("Details in the Data quality panel.");
    m_quality->setText(text);
}

QString OverviewPage::tileValue(const std::string& table) const {
    auto it = m_tiles.find(table);
    return it == m_tiles.end() ? QString() : it->second->value();
}

}  // namespace cw::app
