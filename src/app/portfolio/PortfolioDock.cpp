#include "app/portfolio/PortfolioDock.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

#include "app/analysis/AnalysisWorkspace.h"
#include "app/matrices/MatrixSession.h"
#include "app/portfolio/PortfolioAlertsModel.h"
#include "app/portfolio/PortfolioCustomersModel.h"
#include "app/portfolio/PortfolioData.h"
#include "app/portfolio/PortfolioDialogs.h"
#include "app/portfolio/PortfolioFigure.h"
#include "app/portfolio/PortfolioLoadJob.h"
#include "app/portfolio/PortfolioPlansModel.h"
#include "app/widgets/Format.h"
#include "app/widgets/StandardItems.h"
#include "app/workbook/WorkbookDocument.h"
#include "engine/load/KpiValues.h"
#include "store/Workbook.h"

namespace cw::app {

namespace dialogs = portfolio_dialogs;

namespace {

/// Sorts by the model's SortRole, the unknown last in either order.
class UnknownLastProxy : public QSortFilterProxyModel {
public:
    explicit UnknownLastProxy(int sortRole, QObject* parent) : QSortFilterProxyModel(parent) {
        setSortRole(sortRole);
    }

protected:
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override {
        const QVariant l = left.data(sortRole()), r = right.data(sortRole());
        if (!l.isValid() || !r.isValid()) {
            if (l.isValid() == r.isValid()) return false;
            const bool leftUnknown = !l.isValid();
            return sortOrder() == Qt::AscendingOrder ? !leftUnknown : leftUnknown;
        }
        if (l.typeId() == QMetaType::QString || r.typeId() == QMetaType::QString)
            return QString::localeAwareCompare(l.toString(), r.toString()) < 0;
        return l.toDouble() < r.toDouble();
    }
};

QTableView* makeTable(QAbstractItemModel* model) {
    auto* view = new QTableView;
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setAlternatingRowColors(true);
    view->setShowGrid(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 6);
    view->setWordWrap(false);
    view->setTextElideMode(Qt::ElideRight);
    view->horizontalHeader()->setHighlightSections(false);
    return view;
}

QLabel* sectionTitle(const QString& text) {
    auto* label = new QLabel(QStringLiteral("<b>%1</b>").arg(text.toHtmlEscaped()));
    return label;
}

QString money(double v) {
    return QLocale().toString(v, 'f', 0);
}

}  // namespace

PortfolioDock::PortfolioDock(WorkbookDocument* document, AnalysisWorkspace* workspace,
                             QWidget* parent)
    : QDockWidget(tr("Portfolio"), parent),
      m_document(document),
      m_workspace(workspace),
      m_job(new PortfolioLoadJob(this)),
      m_today(engine::todayDay()) {
    setObjectName(QStringLiteral("PortfolioDock"));
    auto* body = new QWidget;
    auto* layout = new QVBoxLayout(body);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->addWidget(buildHeader());

    m_pages = new QStackedWidget;
    m_placeholder = makeEmptyNote();
    m_placeholder->setObjectName(QStringLiteral("portfolioPlaceholder"));
    m_placeholder->setMargin(12);
    m_pages->addWidget(m_placeholder);

    auto* content = new QWidget;
    auto* contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    auto* vertical = new QSplitter(Qt::Vertical);
    vertical->setChildrenCollapsible(false);
    vertical->addWidget(buildAlerts());
    auto* horizontal = new QSplitter(Qt::Horizontal);
    horizontal->setChildrenCollapsible(false);
    horizontal->addWidget(buildCustomers());
    horizontal->addWidget(buildPlans());
    horizontal->setStretchFactor(0, 1);
    horizontal->setStretchFactor(1, 1);
    vertical->addWidget(horizontal);
    vertical->setStretchFactor(0, 1);
    vertical->setStretchFactor(1, 1);
    contentLayout->addWidget(vertical, 1);
    m_pages->addWidget(content);
    layout->addWidget(m_pages, 1);
    // On a small screen the dock scrolls rather than raise the window's minimum size (the
    // matrices share its tab area: WindowFit_test holds the window to a 1366×768 screen).
    auto* scroll = new QScrollArea;
    scroll->setWidget(body);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    body->setMinimumSize(820, 380);
    setWidget(scroll);

    connect(m_job, &PortfolioLoadJob::loaded, this, &PortfolioDock::showData);
    connect(m_job, &PortfolioLoadJob::failed, this, [this](const QString& message) {
        m_data.reset();
        showPlaceholder(tr("The portfolio could not be read: %1").arg(message.toHtmlEscaped()));
        emit loaded();
    });
    reloadOnWorkbookChanges(m_document, this, [this] { reload(); });
    connect(this, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible && m_stale) reload();
    });
    reload();
}

PortfolioDock::~PortfolioDock() = default;

// ---- building ------------------------------------------------------------------------------

QWidget* PortfolioDock::buildHeader() {
    auto* header = new QWidget;
    auto* row = new QHBoxLayout(header);
    row->setContentsMargins(0, 0, 0, 0);
    auto* label = new QLabel(tr("&Manager:"));
    m_manager = new QComboBox;
    m_manager->setObjectName(QStringLiteral("portfolioManager"));
    m_manager->setEditable(true);
    m_manager->setInsertPolicy(QComboBox::NoInsert);
    m_manager->setMinimumContentsLength(28);
    m_manager->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_manager->lineEdit()->setPlaceholderText(tr("a manager's code or name"));
    m_manager->completer()->setFilterMode(Qt::MatchContains);
    m_manager->completer()->setCompletionMode(QCompleter::PopupCompletion);
    label->setBuddy(m_manager);
    connect(m_manager, &QComboBox::activated, this, [this](int index) {
        const QString code = m_manager->itemData(index).toString();
        if (!code.isEmpty() && code != m_code) showManager(code);
    });
    connect(m_manager->lineEdit(), &QLineEdit::returnPressed, this,
            &PortfolioDock::chooseTypedManager);
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("portfolioStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    row->addWidget(label);
    row->addWidget(m_manager);
    m_packAction = new QAction(tr("Portfolio &pack…"), this);
    m_packAction->setObjectName(QStringLiteral("portfolioPackAction"));
    m_packAction->setToolTip(tr("Write this manager's portfolio pack (PDF) with the Report dialog"));
    m_packAction->setEnabled(false);
    connect(m_packAction, &QAction::triggered, this, [this] { emit packRequested(m_code); });
    auto* pack = new QToolButton;
    pack->setDefaultAction(m_packAction);
    row->addWidget(pack);
    row->addSpacing(8);
    const QStringList captions{tr("customers"),    tr("revenue"),         tr("margin"),
                               tr("under a plan"), tr("overdue actions"), tr("alerts")};
    for (const QString& caption : captions) {
        auto* f = new PortfolioFigure(caption);
        f->hide();  // shown with a portfolio
        m_figures.push_back(f);
        row->addWidget(f);
    }
    m_status->setMinimumWidth(0);
    m_status->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    row->addWidget(m_status, 1);
    return header;
}

QWidget* PortfolioDock::buildAlerts() {
    auto* box = new QWidget;
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 4, 0, 0);
    m_alerts = new PortfolioAlertsModel(this);
    m_alertsView = makeTable(m_alerts);
    m_alertsView->setObjectName(QStringLiteral("portfolioAlerts"));
    m_alertsView->setSelectionMode(QAbstractItemView::SingleSelection);
    auto* h = m_alertsView->horizontalHeader();
    h->setSectionResizeMode(QHeaderView::Interactive);
    h->resizeSection(PortfolioAlertsModel::Rank, 34);
    h->resizeSection(PortfolioAlertsModel::ValueAtRisk, 100);
    h->resizeSection(PortfolioAlertsModel::Title, 200);
    h->resizeSection(PortfolioAlertsModel::Customer, 230);
    h->resizeSection(PortfolioAlertsModel::Evidence, 420);
    h->resizeSection(PortfolioAlertsModel::Recommendation, 360);
    h->setStretchLastSection(true);
    m_alertsView->setColumnHidden(PortfolioAlertsModel::State, true);
    m_alertsView->setContextMenuPolicy(Qt::CustomContextMenu);

    m_acknowledge = new QPushButton(tr("&Acknowledge"));
    m_acknowledge->setToolTip(tr("Hide the alert until the situation changes again"));
    m_snooze = new QPushButton(tr("&Snooze until…"));
    m_snooze->setToolTip(tr("Hide the alert until a day (two weeks by default)"));
    m_showAgain = new QPushButton(tr("Show a&gain"));
    m_showAgain->setToolTip(tr("Remove the acknowledgement or snooze of a hidden alert"));
    m_showHidden = new QCheckBox(tr("Show &hidden alerts"));
    connect(m_acknowledge, &QPushButton::clicked, this, &PortfolioDock::onAcknowledge);
    connect(m_snooze, &QPushButton::clicked, this, &PortfolioDock::onSnooze);
    connect(m_showAgain, &QPushButton::clicked, this, &PortfolioDock::onShowAgain);
    connect(m_showHidden, &QCheckBox::toggled, this, [this](bool on) {
        m_alertsView->setColumnHidden(PortfolioAlertsModel::State, !on);
        m_alerts->setPortfolio(m_data, on);
        updateButtons();
    });
    connect(m_alertsView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &PortfolioDock::updateButtons);
    connect(m_alertsView, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        if (const auto* a = m_alerts->alert(index.row()); a && m_workspace)
            m_workspace->session()->setSelection({qint64(a->alert.customerId)}, this);
    });
    connect(m_alertsView, &QWidget::customContextMenuRequested, this, [this](const QPoint& pos) {
        const QModelIndex index = m_alertsView->indexAt(pos);
        if (!index.isValid()) return;
        m_alertsView->selectRow(index.row());
        QMenu menu;
        menu.addAction(m_acknowledge->text(), this, &PortfolioDock::onAcknowledge)
            ->setEnabled(m_acknowledge->isEnabled());
        menu.addAction(m_snooze->text(), this, &PortfolioDock::onSnooze)
            ->setEnabled(m_snooze->isEnabled());
        menu.addAction(m_showAgain->text(), this, &PortfolioDock::onShowAgain)
            ->setEnabled(m_showAgain->isEnabled());
        menu.exec(m_alertsView->viewport()->mapToGlobal(pos));
    });

    auto* bar = new QHBoxLayout;
    bar->addWidget(sectionTitle(tr("Alerts, by value at risk")));
    bar->addSpacing(12);
    bar->addWidget(m_acknowledge);
    bar->addWidget(m_snooze);
    bar->addWidget(m_showAgain);
    bar->addWidget(m_showHidden);
    bar->addStretch(1);
    layout->addLayout(bar);
    layout->addWidget(m_alertsView, 1);
    return box;
}

QWidget* PortfolioDock::buildCustomers() {
    auto* box = new QWidget;
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 4, 0, 0);
    m_customers = new PortfolioCustomersModel(this);
    m_customersProxy = new UnknownLastProxy(PortfolioCustomersModel::SortRole, this);
    m_customersProxy->setSourceModel(m_customers);
    m_customersProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_customersProxy->setFilterKeyColumn(-1);
    m_customersView = makeTable(m_customersProxy);
    m_customersView->setObjectName(QStringLiteral("portfolioCustomers"));
    m_customersView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_customersView->setSortingEnabled(true);
    m_customersView->sortByColumn(PortfolioCustomersModel::Margin, Qt::DescendingOrder);
    m_customersView->horizontalHeader()->setStretchLastSection(true);
    {
        using C = PortfolioCustomersModel;
        auto* h = m_customersView->horizontalHeader();
        const int digit = m_customersView->fontMetrics().horizontalAdvance(QLatin1Char('0'));
        h->setDefaultSectionSize(digit * 11);
        h->resizeSection(C::Code, digit * 10);
        h->resizeSection(C::Name, digit * 26);
        for (int c : {C::Trend, C::PAlive}) h->resizeSection(c, digit * 9);
        for (int c = C::Quadrant0; c <= C::Quadrant3; ++c) h->resizeSection(c, digit * 19);
        h->resizeSection(C::Plans, digit * 26);
    }
    m_filter = new QLineEdit;
    m_filter->setPlaceholderText(tr("Filter by code, name, segment, quadrant, plan…"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_customersProxy,
            &QSortFilterProxyModel::setFilterFixedString);
    connect(m_customersView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] {
                updateButtons();
                if (!m_workspace || !m_customersView->hasFocus()) return;
                QSet<qint64> ids;
                for (auto id : selectedCustomers()) ids.insert(qint64(id));
                if (!ids.isEmpty()) m_workspace->session()->setSelection(ids, this);
            });

    m_newPlan = new QPushButton(tr("&New plan for selected…"));
    m_newPlan->setToolTip(tr("An account plan for the customers selected in the table"));
    m_newTopPlan = new QPushButton(tr("New plan for &top N by CLV…"));
    m_newTopPlan->setToolTip(
        tr("An account plan for the portfolio's customers with the highest lifetime value"));
    connect(m_newPlan, &QPushButton::clicked, this, &PortfolioDock::onNewPlanForSelected);
    connect(m_newTopPlan, &QPushButton::clicked, this, &PortfolioDock::onNewPlanForTop);

    auto* bar = new QHBoxLayout;
    bar->addWidget(sectionTitle(tr("Customers")));
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_newPlan);
    bar->addWidget(m_newTopPlan);
    layout->addLayout(bar);
    layout->addWidget(m_customersView, 1);
    return box;
}

QWidget* PortfolioDock::buildPlans() {
    auto* box = new QWidget;
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 4, 0, 0);
    m_plans = new PortfolioPlansModel(this);
    m_plansView = new QTreeView;
    m_plansView->setObjectName(QStringLiteral("portfolioPlans"));
    m_plansView->setModel(m_plans);
    m_plansView->setAlternatingRowColors(true);
    m_plansView->setUniformRowHeights(true);
    m_plansView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_plansView->header()->setStretchLastSection(false);
    m_plansView->header()->setSectionResizeMode(PortfolioPlansModel::Item, QHeaderView::Stretch);
    for (int c = 1; c < PortfolioPlansModel::ColumnCount; ++c)
        m_plansView->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    connect(m_plansView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &PortfolioDock::updateButtons);

    m_addObjective = new QPushButton(tr("Add &objective…"));
    m_addAction = new QPushButton(tr("Add a&ction…"));
    m_editAction = new QPushButton(tr("Ed&it action…"));
    m_editAction->setToolTip(
        tr("Change the selected action's what, owner, due day or customer (or double-click "
           "the action)"));
    m_start = new QPushButton(tr("Sta&rt"));
    m_done = new QPushButton(tr("Mark &done"));
    m_cancelAction = new QPushButton(tr("Cancel action"));
    m_delete = new QPushButton(tr("Delete"));
    m_delete->setToolTip(tr("Delete the plan or action selected (undo puts it back)"));
    connect(m_addObjective, &QPushButton::clicked, this, &PortfolioDock::onAddObjective);
    connect(m_addAction, &QPushButton::clicked, this, &PortfolioDock::onAddAction);
    connect(m_editAction, &QPushButton::clicked, this, &PortfolioDock::onEditAction);
    connect(m_plansView, &QAbstractItemView::doubleClicked, this, [this](const QModelIndex& index) {
        if (PortfolioPlansModel::kindOf(index) != PortfolioPlansModel::Kind::Action) return;
        m_plansView->setCurrentIndex(index);
        onEditAction();
    });
    connect(m_start, &QPushButton::clicked, this,
            [this] { onSetStatus(QStringLiteral("in_progress")); });
    connect(m_done, &QPushButton::clicked, this, [this] { onSetStatus(QStringLiteral("done")); });
    connect(m_cancelAction, &QPushButton::clicked, this,
            [this] { onSetStatus(QStringLiteral("cancelled")); });
    connect(m_delete, &QPushButton::clicked, this, &PortfolioDock::onDelete);

    layout->addWidget(sectionTitle(tr("Account plans")));
    layout->addWidget(m_plansView, 1);
    auto* buttons = new QHBoxLayout;
    for (auto* b :
         {m_addObjective, m_addAction, m_editAction, m_start, m_done, m_cancelAction, m_delete})
        buttons->addWidget(b);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    return box;
}

// ---- reading -------------------------------------------------------------------------------

bool PortfolioDock::isLoaded() const {
    return m_data && m_data->portfolio && m_data->managerCode == toStdString(m_code) &&
           !m_job->isRunning();
}

bool PortfolioDock::isBusy() const {
    // A manager asked for before the workbook opened counts as work still to do.
    return m_job->isRunning() || (!m_code.isEmpty() && m_document->isOpening());
}

void PortfolioDock::setToday(std::int32_t day) {
    m_today = day;
    reload();
}

void PortfolioDock::showManager(const QString& code) {
    m_code = code.trimmed();
    show();
    raise();
    reload();
}

void PortfolioDock::reload() {
    if (!m_document->isOpen()) {
        m_job->cancel();
        m_data.reset();
        m_stale = true;
        m_alerts->setPortfolio(nullptr, false);
        m_customers->setPortfolio(nullptr);
        m_plans->setPortfolio(nullptr);
        m_manager->clear();
        m_managerCodes.clear();
        showPlaceholder(m_document->isOpening()
                            ? tr("Opening the workbook…")
                            : tr("Open a workbook (File ▸ Open…) to see a commercial manager's "
                                 "portfolio: their customers, alerts and account plans."));
        return;
    }
    if (!isVisible() && m_code.isEmpty()) {  // nothing asked for: read once shown
        m_stale = true;
        return;
    }
    m_stale = false;
    m_status->setText(m_code.isEmpty() ? tr("Reading the managers…")
                                       : tr("Reading the portfolio of %1…").arg(m_code));
    m_job->start(m_document->path(), m_code, m_today);
}

void PortfolioDock::restoreSelection(const std::optional<std::pair<int, std::int64_t>>& alertKey,
                                     PortfolioPlansModel::Kind planKind, std::int64_t planRowId,
                                     std::int64_t planId,
                                     const std::vector<std::int64_t>& customers) {
    if (alertKey)
        for (int r = 0; r < m_alerts->rowCount(); ++r) {
            const auto* a = m_alerts->alert(r);
            if (int(a->alert.kind) == alertKey->first && a->alert.customerId == alertKey->second) {
                m_alertsView->selectRow(r);
                break;
            }
        }
    QModelIndex planIndex;
    for (int r = 0; r < m_plans->rowCount() && planId > 0; ++r) {
        const QModelIndex plan = m_plans->index(r, 0);
        if (PortfolioPlansModel::idOf(plan) != planId) continue;
        planIndex = plan;
        for (int c = 0; c < m_plans->rowCount(plan) && planKind != PortfolioPlansModel::Kind::Plan;
             ++c) {
            const QModelIndex child = m_plans->index(c, 0, plan);
            if (PortfolioPlansModel::kindOf(child) == planKind &&
                PortfolioPlansModel::idOf(child) == planRowId)
                planIndex = child;
        }
    }
    if (planIndex.isValid())
        m_plansView->selectionModel()->setCurrentIndex(
            planIndex, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    if (customers.empty()) return;
    QItemSelection selection;
    for (int r = 0; r < m_customersProxy->rowCount(); ++r) {
        const QModelIndex index = m_customersProxy->index(r, 0);
        if (std::binary_search(
                customers.begin(), customers.end(),
                std::int64_t(index.data(PortfolioCustomersModel::IdRole).toLongLong())))
            selection.select(index, index);
    }
    m_customersView->selectionModel()->select(
        selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void PortfolioDock::fillManagers() {
    if (!m_data) return;
    QStringList codes;
    for (const auto& m : m_data->managers) codes << toQString(m.code);
    if (codes == m_managerCodes) {  // the same managers: only the current one may have changed
        QSignalBlocker block(m_manager);
        const int current = int(codes.indexOf(m_code));
        if (current >= 0)
            m_manager->setCurrentIndex(current);
        else
            m_manager->setEditText(m_code);
        return;
    }
    m_managerCodes = codes;
    QSignalBlocker block(m_manager);
    m_manager->clear();
    int current = -1;
    for (const auto& m : m_data->managers) {
        const QString code = toQString(m.code);
        QString label = code;
        if (!m.name.empty()) label += QStringLiteral(" — ") + toQString(m.name);
        if (!m.level.empty()) label += QStringLiteral(" (%1)").arg(toQString(m.level));
        m_manager->addItem(label, code);
        if (code == m_code) current = m_manager->count() - 1;
    }
    m_manager->setCurrentIndex(current);
    if (current < 0) m_manager->setEditText(m_code);  // an unknown code stays as typed
}

void PortfolioDock::chooseTypedManager() {
    const QString text = m_manager->currentText().trimmed();
    if (text.isEmpty()) return;
    // An item's label starts with its code; a typed code may be any case.
    QString code = text.section(QLatin1Char(' '), 0, 0);
    for (int i = 0; i < m_manager->count(); ++i) {
        const QString c = m_manager->itemData(i).toString();
        if (c.compare(code, Qt::CaseInsensitive) == 0 ||
            m_manager->itemText(i).compare(text, Qt::CaseInsensitive) == 0) {
            code = c;
            break;
        }
    }
    if (code != m_code) showManager(code);
}

void PortfolioDock::showData(std::shared_ptr<const PortfolioData> data) {
    // What was selected, to select it again in what was read (an edit reads everything again).
    const int alertRow = currentAlertRow();
    const auto* alert = m_alerts->alert(alertRow);
    const std::optional<std::pair<int, std::int64_t>> alertKey =
        alert ? std::optional(std::pair(int(alert->alert.kind), alert->alert.customerId))
              : std::nullopt;
    const auto planKind = PortfolioPlansModel::kindOf(m_plansView->currentIndex());
    const std::int64_t planRowId = PortfolioPlansModel::idOf(m_plansView->currentIndex());
    const std::int64_t planId = currentPlanId();
    const auto customers = selectedCustomers();

    m_data = std::move(data);
    fillManagers();
    m_alerts->setPortfolio(m_data, m_showHidden->isChecked());
    m_customers->setPortfolio(m_data);
    m_plans->setPortfolio(m_data);
    m_plansView->expandAll();
    restoreSelection(alertKey, planKind, planRowId, planId, customers);
    m_status->clear();
    for (auto* f : m_figures) f->setValue(QStringLiteral("–"));

    if (m_data->managers.empty())
        showPlaceholder(
            tr("This workbook has no commercial managers. Import customers with a manager (their "
               "<i>manager_code</i>, and the managers themselves) to see each manager's portfolio; "
               "<code>clienting demo</code> makes a workbook that has them."));
    else if (!m_data->analysed)
        showPlaceholder(tr(
            "The workbook has not been analysed yet. Run <b>Analysis ▸ Analyze</b> (Ctrl+R): the "
            "portfolio shows what the analysis found of each customer."));
    else if (m_code.isEmpty())
        showPlaceholder(
            tr("Choose a commercial manager above (type a code or a name) to see their customers, "
               "alerts ranked by value at risk, and account plans."));
    else if (m_data->portfolioError)
        showPlaceholder(toQString(m_data->portfolioError->describe()).toHtmlEscaped());
    else {
        const engine::Portfolio& p = *m_data->portfolio;
        const QString currency = toQString(p.currency);
        figure(Figure::Customers)
            ->setValue(formatCount(std::int64_t(p.customers.size())),
                       p.team ? tr("Customers of the manager and of the managers below")
                              : tr("Customers of the manager"));
        figure(Figure::Revenue)
            ->setValue(money(p.revenue), tr("Revenue in the analysis window (%1)").arg(currency));
        figure(Figure::Margin)
            ->setValue(money(p.margin), tr("Margin in the analysis window (%1)").arg(currency));
        figure(Figure::UnderPlan)
            ->setValue(formatCount(p.customersUnderPlan), tr("Customers in an open account plan"));
        figure(Figure::Overdue)
            ->setValue(
                formatCount(p.overdueActions),
                tr("Actions open or in progress due before %1")
                    .arg(QLocale().toString(dialogs::toDate(m_today), QLocale::ShortFormat)));
        figure(Figure::Alerts)
            ->setValue(formatCount(std::int64_t(p.alerts.size())),
                       tr("%n hidden (acknowledged or snoozed)", nullptr, int(p.hidden.size())));
        m_status->setText(
            tr("%1data of %2 · today %3")
                .arg(p.team ? tr("with the team below · ") : QString(),
                     QLocale().toString(dialogs::toDate(p.analysisDay), QLocale::ShortFormat),
                     QLocale().toString(dialogs::toDate(m_today), QLocale::ShortFormat)));
        m_status->setToolTip(m_status->text());
        for (auto* f : m_figures) f->show();
        m_pages->setCurrentIndex(1);
    }
    updateButtons();
    emit loaded();
}

void PortfolioDock::showPlaceholder(const QString& text) {
    m_placeholder->setText(text);
    m_pages->setCurrentIndex(0);
    for (auto* f : m_figures) f->hide();
    if (m_status) m_status->clear();
    updateButtons();
}

bool PortfolioDock::showsPlaceholder() const {
    return m_pages->currentIndex() == 0;
}

QString PortfolioDock::placeholderText() const {
    return m_placeholder->text();
}

PortfolioFigure* PortfolioDock::figure(Figure f) const {
    return m_figures[std::size_t(f)];
}

// ---- selection -----------------------------------------------------------------------------

int PortfolioDock::currentAlertRow() const {
    const auto rows = m_alertsView->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.front().row();
}

std::vector<std::int64_t> PortfolioDock::selectedCustomers() const {
    std::vector<std::int64_t> ids;
    for (const QModelIndex& index : m_customersView->selectionModel()->selectedRows())
        ids.push_back(index.data(PortfolioCustomersModel::IdRole).toLongLong());
    std::sort(ids.begin(), ids.end());
    return ids;
}

std::int64_t PortfolioDock::currentPlanId() const {
    return PortfolioPlansModel::planIdOf(m_plansView->currentIndex());
}

std::int64_t PortfolioDock::currentActionId() const {
    const QModelIndex index = m_plansView->currentIndex();
    return PortfolioPlansModel::kindOf(index) == PortfolioPlansModel::Kind::Action
               ? PortfolioPlansModel::idOf(index)
               : 0;
}

void PortfolioDock::updateButtons() {
    const bool shown = m_data && m_data->portfolio && !showsPlaceholder();
    m_packAction->setEnabled(shown);
    const int row = currentAlertRow();
    const auto* alert = m_alerts->alert(row);
    const bool hidden = m_alerts->isHidden(row);
    const bool overdue = alert && alert->alert.kind == engine::kpi::AlertKind::OverdueAction;
    const QString overdueWhy =
        tr("An overdue action's alert goes when the action is done, cancelled or given a new "
           "due day, in its account plan");
    m_acknowledge->setEnabled(shown && alert && !hidden && !overdue);
    m_snooze->setEnabled(shown && alert && !overdue);
    m_showAgain->setEnabled(shown && alert && hidden);
    m_acknowledge->setToolTip(overdue ? overdueWhy
                                      : tr("Hide the alert until the situation changes again"));
    m_newPlan->setEnabled(shown && m_customersView->selectionModel()->hasSelection());
    m_newTopPlan->setEnabled(shown && !m_data->portfolio->customers.empty());
    const bool plan = shown && currentPlanId() > 0;
    const bool action = shown && currentActionId() > 0;
    m_addObjective->setEnabled(plan);
    m_addAction->setEnabled(plan);
    m_editAction->setEnabled(action);
    m_start->setEnabled(action);
    m_done->setEnabled(action);
    m_cancelAction->setEnabled(action);
    const auto kind = PortfolioPlansModel::kindOf(m_plansView->currentIndex());
    m_delete->setEnabled(shown && (kind == PortfolioPlansModel::Kind::Plan || action));
    m_delete->setText(action ? tr("Delete action") : tr("Delete plan"));
}

}  // namespace cw::app
