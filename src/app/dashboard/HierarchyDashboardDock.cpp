#include "app/dashboard/HierarchyDashboardDock.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>

#include "app/analysis/AnalysisWorkspace.h"
#include "app/customers/CustomerTableDock.h"
#include "app/dashboard/ChildrenBars.h"
#include "app/dashboard/ChildrenModel.h"
#include "app/dashboard/DashboardJobs.h"
#include "app/dashboard/DashboardSession.h"
#include "app/dashboard/KpiTile.h"
#include "app/dashboard/KpiTrendChart.h"
#include "app/dashboard/TargetDialog.h"
#include "app/matrices/MatrixDock.h"
#include "app/matrices/MatrixSession.h"
#include "app/widgets/FlowLayout.h"
#include "app/widgets/Format.h"
#include "app/workbook/WorkbookDocument.h"
#include "core/CivilTime.h"
#include "engine/load/KpiCustomers.h"
#include "store/Workbook.h"

namespace cw::app {

namespace kpi = engine::kpi;

namespace {

constexpr int NodeIdRole = Qt::UserRole + 1;
constexpr int FilterRole = Qt::UserRole + 2;  ///< code, name, level and region: what the filter matches

QString periodText(const kpi::Period& p) { return toQString(kpi::periodLabel(p)); }

QString indicatorName(kpi::IndicatorId id) { return toQString(std::string(kpi::indicator(id).name)); }

}  // namespace

HierarchyDashboardDock::HierarchyDashboardDock(WorkbookDocument* document, AnalysisWorkspace* workspace,
                                               QWidget* parent)
    : QDockWidget(tr("Dashboard"), parent),
      m_document(document),
      m_workspace(workspace),
      m_session(new DashboardSession(document, this)),
      m_customersJob(new DashboardCustomersJob(this)) {
    setObjectName(QStringLiteral("HierarchyDashboardDock"));
    m_pages = new QStackedWidget;
    m_placeholder = new QLabel;
    m_placeholder->setObjectName(QStringLiteral("dashboardPlaceholder"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setMargin(24);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);
    m_placeholder->setText(m_session->unavailableReason());

    auto* right = new QWidget;
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(4, 0, 0, 0);
    rightLayout->setSpacing(4);
    rightLayout->addWidget(buildControls());
    auto* vsplit = new QSplitter(Qt::Vertical);
    vsplit->setChildrenCollapsible(false);
    vsplit->addWidget(buildTiles());
    vsplit->addWidget(buildBottom());
    vsplit->setStretchFactor(0, 1);
    vsplit->setStretchFactor(1, 1);
    m_split = vsplit;
    vsplit->installEventFilter(this);
    connect(vsplit, &QSplitter::splitterMoved, this, [this] { m_splitMoved = true; });
    rightLayout->addWidget(vsplit, 1);

    auto* hsplit = new QSplitter(Qt::Horizontal);
    hsplit->setChildrenCollapsible(false);
    hsplit->addWidget(buildTreePanel());
    hsplit->addWidget(right);
    hsplit->setStretchFactor(0, 0);
    hsplit->setStretchFactor(1, 1);
    hsplit->setSizes({250, 1100});
    m_pages->addWidget(m_placeholder);
    m_pages->addWidget(hsplit);
    setWidget(m_pages);

    connect(m_session, &DashboardSession::reloaded, this, [this] {
        rebuildTree();
        syncPeriodControls();
        showFigures();
        if (m_pendingNode && m_session->isReady()) {
            const QString node = *m_pendingNode;
            m_pendingNode.reset();
            selectNode(node);
        }
    });
    connect(m_session, &DashboardSession::figuresChanged, this, &HierarchyDashboardDock::showFigures);
    connect(m_session, &DashboardSession::figuresChanged, this,
            [this] { m_portfolio->setEnabled(m_session->node() != 0); });
    connect(m_session, &DashboardSession::indicatorChanged, this, &HierarchyDashboardDock::showIndicator);
    connect(m_session, &DashboardSession::rangeChanged, m_trend, &KpiTrendChart::refresh);
    connect(m_session, &DashboardSession::readFailed, this, [this](const QString& message) {
        setStatus(tr("The indicators cannot be read: %1").arg(message));
    });
    // The analysis replaces the stored indicators (its notifyDataChanged also reloads the session:
    // the second start supersedes the first).
    connect(m_workspace, &AnalysisWorkspace::analysed, m_session, &DashboardSession::reload);
    connect(m_customersJob, &DashboardCustomersJob::found, this, [this](const QList<qint64>& ids) {
        QSet<qint64> set(ids.begin(), ids.end());
        m_workspace->session()->setSelection(set, this);
        auto* table = m_workspace->tableDock();
        table->show();
        table->raise();
        emit customersShown(static_cast<int>(ids.size()));
    });
    connect(m_customersJob, &DashboardCustomersJob::failed, this,
            [this](const QString& message) { setStatus(tr("The customers cannot be read: %1").arg(message)); });
    showFigures();
}

HierarchyDashboardDock::~HierarchyDashboardDock() = default;

bool HierarchyDashboardDock::eventFilter(QObject* watched, QEvent* event) {
    // Until the user drags the handle: the tiles get the whole rows that leave the chart and the
    // children at least 130 px (two rows on a 1366×768 screen), rather than a row cut in half.
    if (watched == m_split && event->type() == QEvent::Resize && !m_splitMoved && m_split->height() > 200) {
        const int h = m_split->height() - m_split->handleWidth();
        const int row = KpiTile::kHeight + 6;
        const int perRow = std::max(1, (m_split->width() - 24) / (KpiTile::kWidth + 6));
        const int needed = (kpi::kIndicatorCount + perRow - 1) / perRow;
        const int rows = std::clamp((h - 130 - 8) / row, 1, needed);
        m_split->setSizes({rows * row + 8, h - rows * row - 8});
    }
    return QDockWidget::eventFilter(watched, event);
}

QWidget* HierarchyDashboardDock::buildTreePanel() {
    auto* panel = new QWidget;
    auto* layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    m_filter = new QLineEdit;
    m_filter->setObjectName(QStringLiteral("dashboardFilter"));
    m_filter->setPlaceholderText(tr("Find a manager (code or name)…"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setToolTip(tr("Shows the managers whose code or name contains the text; Enter opens the first"));
    m_treeModel = new QStandardItemModel(0, 2, this);
    m_treeModel->setHorizontalHeaderLabels({tr("Node"), tr("Customers")});
    m_treeProxy = new QSortFilterProxyModel(this);
    m_treeProxy->setSourceModel(m_treeModel);
    m_treeProxy->setRecursiveFilteringEnabled(true);
    m_treeProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_treeProxy->setFilterKeyColumn(0);
    m_treeProxy->setFilterRole(FilterRole);
    m_tree = new QTreeView;
    m_tree->setObjectName(QStringLiteral("dashboardTree"));
    m_tree->setModel(m_treeProxy);
    m_tree->setUniformRowHeights(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    // Fixed, sized once per workbook: fitting it to the contents would measure every expanded row
    // on each switch (thousands of managers).
    m_tree->header()->setSectionResizeMode(1, QHeaderView::Fixed);
    m_tree->setMinimumWidth(140);
    layout->addWidget(m_filter);
    layout->addWidget(m_tree, 1);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_treeProxy->setFilterFixedString(text);
        if (!text.isEmpty()) m_tree->expandAll();
    });
    connect(m_filter, &QLineEdit::returnPressed, this, [this] {
        // The first match below the company (a leaf before its parents' own row when the parents only lead to it).
        QModelIndex idx = m_treeProxy->index(0, 0);
        while (idx.isValid()) {
            const QString text = idx.data(FilterRole).toString();
            if (!m_filter->text().isEmpty() && text.contains(m_filter->text(), Qt::CaseInsensitive)) break;
            idx = m_treeProxy->rowCount(idx) > 0 ? m_treeProxy->index(0, 0, idx) : QModelIndex();
        }
        if (idx.isValid()) m_tree->setCurrentIndex(idx);
    });
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &HierarchyDashboardDock::onTreeSelection);
    return panel;
}

QWidget* HierarchyDashboardDock::buildControls() {
    auto* box = new QWidget;
    auto* outer = new QVBoxLayout(box);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->setSpacing(2);
    m_title = new QLabel;
    m_title->setObjectName(QStringLiteral("dashboardTitle"));
    m_title->setTextFormat(Qt::RichText);
    m_kind = new QComboBox;
    m_kind->setObjectName(QStringLiteral("periodKind"));
    m_kind->addItem(tr("Month"), int(kpi::PeriodKind::Month));
    m_kind->addItem(tr("Quarter"), int(kpi::PeriodKind::Quarter));
    m_kind->addItem(tr("Year"), int(kpi::PeriodKind::Year));
    m_period = new QComboBox;
    m_period->setObjectName(QStringLiteral("period"));
    m_period->setToolTip(tr("The period of the tiles and of the children's ranking"));
    m_from = new QComboBox;
    m_from->setObjectName(QStringLiteral("trendFrom"));
    m_to = new QComboBox;
    m_to->setObjectName(QStringLiteral("trendTo"));
    for (auto* c : {m_period, m_from, m_to}) c->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_matrices = new QPushButton(tr("Matrices for this node"));
    m_matrices->setObjectName(QStringLiteral("matricesForNode"));
    m_matrices->setToolTip(tr("Filter the matrices to this node's customers: the customers of its manager and of every "
                              "manager below it (a manager filter with one value per manager, any of them). "
                              "For the company, the manager filter is cleared."));
    m_portfolio = new QPushButton(tr("Portfolio"));
    m_portfolio->setObjectName(QStringLiteral("portfolioForNode"));
    m_portfolio->setToolTip(tr("Open this manager's portfolio: every customer with the alerts and account plans"));
    m_portfolio->setEnabled(false);
    // Groups that wrap onto a second line in a narrow dock rather than widen the window.
    auto group = [](std::initializer_list<QWidget*> widgets) {
        auto* g = new QWidget;
        auto* l = new QHBoxLayout(g);
        l->setContentsMargins(0, 0, 0, 0);
        l->setSpacing(4);
        for (auto* w : widgets) l->addWidget(w);
        return g;
    };
    auto* controls = new QWidget;
    auto* flow = new FlowLayout(controls, 12);
    flow->setContentsMargins(0, 0, 0, 0);
    flow->addWidget(m_title);
    flow->addWidget(group({new QLabel(tr("Period:")), m_kind, m_period}));
    flow->addWidget(group({new QLabel(tr("Trend from")), m_from, new QLabel(tr("to")), m_to}));
    flow->addWidget(group({m_matrices, m_portfolio}));
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("dashboardStatus"));
    m_status->setWordWrap(true);
    m_status->setForegroundRole(QPalette::PlaceholderText);
    m_status->hide();
    outer->addWidget(controls);
    outer->addWidget(m_status);

    connect(m_kind, &QComboBox::currentIndexChanged, this, [this](int i) {
        if (m_syncing || i < 0) return;
        m_session->setPeriodKind(static_cast<kpi::PeriodKind>(m_kind->itemData(i).toInt()));
        syncPeriodControls();
        m_trend->refresh();
    });
    connect(m_period, &QComboBox::currentIndexChanged, this, [this](int i) {
        if (!m_syncing) m_session->setPeriodIndex(i);
    });
    auto range = [this] {
        if (!m_syncing) m_session->setRange(m_from->currentIndex(), std::max(m_from->currentIndex(), m_to->currentIndex()));
    };
    connect(m_from, &QComboBox::currentIndexChanged, this, range);
    connect(m_to, &QComboBox::currentIndexChanged, this, range);
    connect(m_matrices, &QPushButton::clicked, this, &HierarchyDashboardDock::showMatricesForNode);
    connect(m_portfolio, &QPushButton::clicked, this, [this] {
        const auto& tree = m_session->tree();
        if (auto n = tree.hierarchy.node(m_session->node())) emit portfolioRequested(toQString(tree.managers[*n].code));
    });
    return box;
}

QWidget* HierarchyDashboardDock::buildTiles() {
    auto* area = new QScrollArea;
    area->setObjectName(QStringLiteral("dashboardTiles"));
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    area->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    area->setMinimumHeight(60);
    auto* inner = new QWidget;
    auto* flow = new FlowLayout(inner, 6);
    flow->setContentsMargins(2, 2, 2, 2);
    for (const auto& ind : kpi::indicators()) {
        auto* tile = new KpiTile(ind.id);
        m_tiles[ind.id] = tile;
        flow->addWidget(tile);
        connect(tile, &KpiTile::clicked, m_session, &DashboardSession::setIndicator);
        connect(tile, &KpiTile::activated, this, [this](kpi::IndicatorId id) {
            if (!showCustomers(id))
                setStatus(tr("%1 is not a count of customers: there is no list behind it.").arg(indicatorName(id)));
        });
        connect(tile, &KpiTile::menuRequested, this, &HierarchyDashboardDock::tileMenu);
    }
    area->setWidget(inner);
    return area;
}

QWidget* HierarchyDashboardDock::buildBottom() {
    auto* split = new QSplitter(Qt::Horizontal);
    split->setChildrenCollapsible(false);
    m_trend = new KpiTrendChart(m_session);
    split->addWidget(m_trend);

    auto* children = new QWidget;
    auto* layout = new QVBoxLayout(children);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    m_childrenTitle = new QLabel;
    m_childrenTitle->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_childrenModel = new ChildrenModel(m_session, this);
    m_childrenView = new QTableView;
    m_childrenView->setObjectName(QStringLiteral("dashboardChildren"));
    m_childrenView->setModel(m_childrenModel);
    m_childrenView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_childrenView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_childrenView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_childrenView->verticalHeader()->hide();
    m_childrenView->verticalHeader()->setDefaultSectionSize(m_childrenView->fontMetrics().height() + 6);
    m_childrenView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_childrenView->horizontalHeader()->setSectionResizeMode(ChildrenModel::NodeColumn, QHeaderView::Stretch);
    m_childrenView->setMinimumSize(120, 60);
    m_bars = new ChildrenBars(m_session);
    auto* barsArea = new QScrollArea;
    barsArea->setWidgetResizable(true);
    barsArea->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    barsArea->setWidget(m_bars);
    barsArea->setMinimumSize(100, 60);
    auto* side = new QSplitter(Qt::Horizontal);
    side->setChildrenCollapsible(false);
    side->addWidget(m_childrenView);
    side->addWidget(barsArea);
    side->setStretchFactor(0, 3);
    side->setStretchFactor(1, 2);
    side->setSizes({420, 280});
    layout->addWidget(m_childrenTitle);
    layout->addWidget(side, 1);
    split->addWidget(children);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);

    auto open = [this](std::int64_t id) { selectNode(id); };
    connect(m_childrenView, &QTableView::doubleClicked, this,
            [this, open](const QModelIndex& idx) { open(m_childrenModel->nodeIdAt(idx.row())); });
    connect(m_bars, &ChildrenBars::nodeActivated, this, open);
    return split;
}

void HierarchyDashboardDock::rebuildTree() {
    m_items.clear();
    m_treeModel->removeRows(0, m_treeModel->rowCount());
    if (!m_session->isReady()) return;
    const auto& tree = m_session->tree();
    const auto& h = tree.hierarchy;
    auto makeRow = [this](std::int64_t id, const QString& text, const QString& filter, const QString& tip) {
        auto* name = new QStandardItem(text);
        name->setData(QVariant::fromValue<qint64>(id), NodeIdRole);
        name->setData(filter, FilterRole);
        name->setToolTip(tip);
        auto* count = new QStandardItem(formatCount(m_session->customersOf(id)));
        count->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_items.insert(id, name);
        return QList<QStandardItem*>{name, count};
    };
    auto company = makeRow(0, tr("Company"), tr("Company"), tr("The whole company"));
    m_treeModel->appendRow(company);
    // Pre-order: every parent's item exists before its children's.
    for (auto n : h.preorder()) {
        const auto& m = tree.managers[n];
        const QString code = toQString(m.code), name = toQString(m.name);
        QStringList about{code};
        if (!m.level.empty()) about << toQString(m.level);
        if (!m.region.empty()) about << toQString(m.region);
        auto row = makeRow(m.id, name.isEmpty() ? code : name,
                           QStringList{code, name, toQString(m.level), toQString(m.region)}.join(QLatin1Char(' ')),
                           QStringLiteral("%1 (%2)").arg(name.isEmpty() ? code : name, about.join(QStringLiteral(", "))));
        const auto parent = h.parent(n);
        QStandardItem* parentItem = parent ? m_items.value(h.id(*parent)) : company.front();
        parentItem->appendRow(row);
    }
    m_tree->expandToDepth(1);
    const QFontMetrics fm = m_tree->fontMetrics();
    m_tree->header()->resizeSection(
        1, std::max(fm.horizontalAdvance(formatCount(m_session->customersOf(0))),
                    m_tree->header()->fontMetrics().horizontalAdvance(tr("Customers"))) + 16);
    if (auto* item = m_items.value(m_session->node())) {
        QScopedValueRollback guard(m_syncing, true);
        m_tree->setCurrentIndex(m_treeProxy->mapFromSource(item->index()));
    }
}

void HierarchyDashboardDock::syncPeriodControls() {
    QScopedValueRollback guard(m_syncing, true);
    m_kind->setCurrentIndex(m_kind->findData(int(m_session->periodKind())));
    for (auto* c : {m_period, m_from, m_to}) c->clear();
    for (const auto& p : m_session->periods()) {
        const QString text = periodText(p);
        m_period->addItem(text);
        m_from->addItem(text);
        m_to->addItem(text);
    }
    m_period->setCurrentIndex(m_session->periodIndex());
    m_from->setCurrentIndex(m_session->range().first);
    m_to->setCurrentIndex(m_session->range().second);
}

bool HierarchyDashboardDock::showsPlaceholder() const { return m_pages->currentWidget() == m_placeholder; }

QString HierarchyDashboardDock::placeholderText() const { return m_placeholder->text(); }

void HierarchyDashboardDock::showFigures() {
    if (!m_session->isReady()) {
        m_placeholder->setText(m_session->isLoading() && m_session->unavailableReason().isEmpty()
                                   ? tr("Reading the indicators…")
                                   : m_session->unavailableReason());
        m_pages->setCurrentWidget(m_placeholder);
        return;
    }
    m_pages->setCurrentWidget(m_pages->widget(1));
    const auto node = m_session->node();
    const auto p = m_session->period();
    {
        QScopedValueRollback guard(m_syncing, true);
        if (p && m_period->currentIndex() != m_session->periodIndex()) m_period->setCurrentIndex(m_session->periodIndex());
    }
    m_title->setToolTip(p ? tr("%1 %2: %3 … %4")
                                .arg(toQString(std::string(kpi::toString(p->kind))), periodText(*p),
                                     formatIsoDate(formatDate(p->start)), formatIsoDate(formatDate(p->end)))
                          : QString());
    const QString title = QStringLiteral("<b>%1</b> · %2").arg(
        m_session->nodeLabel(node).toHtmlEscaped(), tr("%1 customers").arg(formatCount(m_session->customersOf(node))));
    m_title->setText(title);
    for (auto& [id, tile] : m_tiles) {
        KpiTile::Content c;
        c.figure = m_session->figure(id);
        c.value = m_session->formatValue(id, c.figure.value);
        c.change = m_session->formatChange(id, c.figure.change());
        c.changeOnYear = m_session->formatChange(id, c.figure.changeOnYear());
        c.target = c.figure.target ? m_session->formatValue(id, c.figure.target) : QString();
        c.sparkline = m_session->recentValues(id, 12);
        tile->setContent(std::move(c));
    }
    showIndicator();
}

void HierarchyDashboardDock::showIndicator() {
    for (auto& [id, tile] : m_tiles) tile->setSelected(id == m_session->indicator());
    m_trend->refresh();
    m_childrenModel->refresh();
    m_bars->refresh();
    const auto node = m_session->node();
    const QString name = indicatorName(m_session->indicator());
    m_childrenTitle->setText(m_childrenModel->rowCount() == 0
                                 ? tr("No managers below %1.").arg(m_session->nodeLabel(node))
                                 : tr("Below %1, ranked by %2 (better first; double-click to open)")
                                       .arg(m_session->nodeLabel(node), name.toLower()));
}

void HierarchyDashboardDock::onTreeSelection() {
    if (m_syncing) return;
    const QModelIndex idx = m_tree->currentIndex();
    if (!idx.isValid()) return;
    const auto id = m_treeProxy->mapToSource(idx.siblingAtColumn(0)).data(NodeIdRole).toLongLong();
    m_status->hide();
    m_session->selectNode(id);
}

bool HierarchyDashboardDock::selectNode(std::int64_t nodeId) {
    if (!m_session->selectNode(nodeId)) return false;
    if (auto* item = m_items.value(nodeId)) {
        QModelIndex idx = m_treeProxy->mapFromSource(item->index());
        if (!idx.isValid()) {  // filtered out: show it again
            m_filter->clear();
            idx = m_treeProxy->mapFromSource(item->index());
        }
        QScopedValueRollback guard(m_syncing, true);
        m_tree->setCurrentIndex(idx);
        m_tree->scrollTo(idx);
    }
    return true;
}

bool HierarchyDashboardDock::selectNode(const QString& codeOrCompany) {
    const auto id = m_session->findNode(codeOrCompany);
    return id && selectNode(*id);
}

void HierarchyDashboardDock::selectWhenLoaded(const QString& codeOrCompany) {
    if (m_session->isReady() && !m_session->isLoading()) {
        selectNode(codeOrCompany);
        return;
    }
    m_pendingNode = codeOrCompany;
}

bool HierarchyDashboardDock::showCustomers(kpi::IndicatorId id) {
    const auto p = m_session->period();
    if (!p || !m_document->isOpen() || engine::customerTrace(id) == engine::CustomerTrace::None) return false;
    const bool latest = m_session->isLatestPeriod();
    QString text = tr("Selecting the customers behind %1 of %2, %3…")
                       .arg(indicatorName(id).toLower(), m_session->nodeLabel(m_session->node()), periodText(*p));
    if (!latest && engine::customerTrace(id) == engine::CustomerTrace::LatestOnly)
        text += QLatin1Char(' ') + tr("Approximate %1").arg(toQString(std::string(engine::traceNote(id))));
    setStatus(text);
    m_customersJob->start(m_document->path(), m_session->node(), id, *p, latest);
    return true;
}

bool HierarchyDashboardDock::isBusy() const { return m_session->isLoading() || m_customersJob->isRunning(); }

void HierarchyDashboardDock::tileMenu(kpi::IndicatorId id, const QPoint& globalPos) {
    QMenu menu(this);
    auto* show = menu.addAction(tr("Show customers"), this, [this, id] { showCustomers(id); });
    show->setEnabled(engine::customerTrace(id) != engine::CustomerTrace::None);
    if (!show->isEnabled()) show->setToolTip(tr("Not a count of customers"));
    auto* target = menu.addAction(tr("Set target…"), this, [this, id] { editTarget(id); });
    target->setEnabled(m_document->workbook() && !m_document->workbook()->readOnly());
    if (m_session->figure(id).target)
        menu.addAction(tr("Remove target"), this, [this, id] {
            if (auto st = m_session->setTarget(id, std::nullopt, this); !st)
                QMessageBox::warning(this, tr("Remove target"), toQString(st.error().describe()));
        });
    menu.exec(globalPos);
}

void HierarchyDashboardDock::editTarget(kpi::IndicatorId id) {
    const auto p = m_session->period();
    if (!p) return;
    m_session->setIndicator(id);  // the trend shows what the target is set on
    const auto f = m_session->figure(id);
    TargetDialog dialog(id, tr("%1, %2 %3").arg(m_session->nodeLabel(m_session->node()),
                                                toQString(std::string(kpi::toString(p->kind))), periodText(*p)),
                        m_session->formatValue(id, f.value), f.target, this);
    if (dialog.exec() != QDialog::Accepted) return;
    if (auto st = m_session->setTarget(id, dialog.target(), this); !st)
        QMessageBox::warning(this, tr("Set target"), toQString(st.error().describe()));
}

void HierarchyDashboardDock::showMatricesForNode() {
    const auto node = m_session->node();
    std::vector<engine::MatrixFilter> filters;
    for (const auto& f : m_workspace->session()->filters())
        if (f.field != engine::GroupField::Manager) filters.push_back(f);
    const auto& tree = m_session->tree();
    int managers = 0;
    for (auto id : m_session->subtree(node)) {
        const auto n = tree.hierarchy.node(id);
        // Only managers with customers: a value no point has would warn "no match".
        if (!n || tree.managers[*n].customers == 0) continue;
        filters.push_back({engine::GroupField::Manager, tree.managers[*n].code});
        ++managers;
    }
    if (node != 0 && managers == 0) {
        setStatus(tr("%1 has no customers: the matrices are left as they are.").arg(m_session->nodeLabel(node)));
        return;
    }
    QStringList parts;
    for (const auto& f : filters) parts << toQString(std::string(engine::toString(f.field)) + "=" + f.value);
    auto* dock = m_workspace->matrixDock();
    dock->setFilterText(parts.join(QStringLiteral(", ")));
    dock->show();
    dock->raise();
    setStatus(node == 0 ? tr("The matrices show every manager's customers.")
                        : tr("The matrices show the customers of %1 (%n manager(s) with customers).", nullptr, managers)
                              .arg(m_session->nodeLabel(node)));
}

void HierarchyDashboardDock::setStatus(const QString& text) {
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
}

}  // namespace cw::app
