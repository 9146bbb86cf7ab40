#include "app/matrices/MatrixDock.h"

#include <QCheckBox>
#include <QSignalBlocker>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QLocale>
#include <QDateTime>
#include <QFileInfo>
#include <QProgressBar>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <numeric>

#include <QScrollArea>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>
#include <limits>

#include "app/widgets/Format.h"
#include "app/matrices/MatrixCanvas.h"
#include "app/workbook/WorkbookDocument.h"

namespace cw::app {
namespace {

using engine::MatrixKind;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

QString percent(const std::optional<double>& share) {
    return share ? QString::number(100.0 * *share, 'f', 1) + QStringLiteral(" %") : QStringLiteral("—");
}

QString axisTitle(const engine::AxisSpec& a, const std::string& currency) {
    if (a.unit.empty()) return toQString(a.label);
    // Shares are drawn as percentages (charts::ScatterPainter::setPercentAxes); money in the workbook's currency.
    const QString unit = a.unit == "share" ? QStringLiteral("%") : toQString(a.unit == "currency" ? currency : a.unit);
    return QStringLiteral("%1 (%2)").arg(toQString(a.label), unit);
}

// Colour by a field with many values (58 managers) gives colours nobody tells apart and a legend
// cut at the edge: the largest kColours − 1 values get their own colour, the rest one "others".
constexpr int kColours = 10;
void capColours(std::vector<std::int32_t>& codes, QStringList& names) {
    if (names.size() <= kColours) return;
    std::vector<std::int64_t> counts(std::size_t(names.size()), 0);
    for (auto c : codes)
        if (c >= 0 && c < names.size()) ++counts[std::size_t(c)];
    std::vector<int> order(std::size_t(names.size()));
    for (int i = 0; i < int(order.size()); ++i) order[std::size_t(i)] = i;
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return counts[std::size_t(a)] > counts[std::size_t(b)]; });
    std::vector<std::int32_t> remap(std::size_t(names.size()), kColours - 1);
    QStringList kept;
    for (int k = 0; k < kColours - 1; ++k) {
        remap[std::size_t(order[std::size_t(k)])] = k;
        kept << names[order[std::size_t(k)]];
    }
    kept << QObject::tr("%n others", nullptr, int(names.size()) - (kColours - 1));
    for (auto& c : codes)
        if (c >= 0 && c < int(remap.size())) c = remap[std::size_t(c)];
    names = kept;
}

QString scaleName(charts::AxisScale s) {
    switch (s) {
        case charts::AxisScale::Linear: return {};
        case charts::AxisScale::Log10: return QObject::tr("log scale");
        case charts::AxisScale::SymLog: return QObject::tr("symmetric log scale");
    }
    return {};
}

const std::array<engine::ThresholdMode, 4> kModes = {engine::ThresholdMode::Median, engine::ThresholdMode::Mean,
                                                     engine::ThresholdMode::Target, engine::ThresholdMode::Custom};

// Colour choices: by quadrant (default) or by one of the breakdown fields.
enum ColorBy { ByQuadrant = 0, BySegment, ByChannel, ByRegion, ByManager, ByNothing };

}  // namespace

MatrixDock::MatrixDock(MatrixSession* session, const QString& objectName, QWidget* parent)
    : QDockWidget(tr("Matrices"), parent), m_session(session) {
    setObjectName(objectName);
    auto* content = new QWidget;
    auto* outer = new QHBoxLayout(content);
    outer->setContentsMargins(4, 4, 4, 4);

    // The battery: the five matrices small, one click away from large.
    auto* battery = new QWidget;
    auto* grid = new QVBoxLayout(battery);
    grid->setContentsMargins(0, 0, 0, 0);
    for (const auto& spec : engine::matrixSpecs()) {
        const int i = MatrixSession::index(spec.kind);
        m_thumbTitles[i] = new QLabel(toQString(spec.title));
        m_thumbTitles[i]->setWordWrap(true);
        m_thumbs[i] = new MatrixCanvas;
        m_thumbs[i]->setCompact(true);
        m_thumbs[i]->setMinimumSize(150, 80);
        m_thumbs[i]->setToolTip(tr("Show %1 large").arg(toQString(spec.title)));
        grid->addWidget(m_thumbTitles[i]);
        grid->addWidget(m_thumbs[i], 1);
        const auto kind = spec.kind;
        connect(m_thumbs[i], &MatrixCanvas::activated, this, [this, kind] { showMatrix(kind); });
    }

    // The large matrix with its quadrant table.
    auto* main = new QWidget;
    auto* mainLayout = new QVBoxLayout(main);
    mainLayout->setContentsMargins(0, 0, 0, 0);
    m_title = new QLabel;
    m_title->setTextFormat(Qt::RichText);
    m_large = new MatrixCanvas;
    // Low enough that the matrices, tabbed with the dashboard and the portfolio (a tab bar), still
    // leave the bottom docks their room on a 1366x768 screen.
    m_large->setMinimumSize(320, 180);
    m_quadrants = new QTableWidget(0, 6);
    m_quadrants->setHorizontalHeaderLabels({tr("Quadrant"), tr("Customers"), tr("Share"), tr("Revenue share"),
                                            tr("Margin share"), tr("Meaning")});
    m_quadrants->verticalHeader()->hide();
    m_quadrants->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_quadrants->horizontalHeader()->setStretchLastSection(true);
    m_multiples = new QWidget;
    auto* scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setWidget(m_multiples);
    new QGridLayout(m_multiples);
    m_tabs = new QTabWidget;
    m_tabs->addTab(m_quadrants, tr("Quadrants"));
    m_tabs->addTab(scroll, tr("Breakdown"));
    m_tabs->setTabEnabled(1, false);
    m_tabs->setMinimumHeight(90);  // the table scrolls: the plot keeps the room on a small screen
    auto* split = new QSplitter(Qt::Vertical);
    split->addWidget(m_large);
    split->addWidget(m_tabs);
    // The plot first: on a 1366×768 screen the table keeps its header and two rows (it scrolls).
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    split->setSizes({480, 160});
    mainLayout->addWidget(m_title);
    mainLayout->addWidget(split, 1);

    m_message = new QLabel;
    m_message->setWordWrap(true);
    m_message->setAlignment(Qt::AlignCenter);
    m_stack = new QStackedWidget;
    auto* page = new QWidget;
    auto* pageLayout = new QHBoxLayout(page);
    pageLayout->setContentsMargins(0, 0, 0, 0);
    auto* hsplit = new QSplitter(Qt::Horizontal);
    // The battery and the side panel scroll when the screen is low (1366×768): the dock never
    // asks for more height than the large matrix needs.
    auto scrolled = [](QWidget* w) {
        auto* area = new QScrollArea;
        area->setWidgetResizable(true);
        area->setFrameShape(QFrame::NoFrame);
        area->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        area->setWidget(w);
        area->setMinimumWidth(w->minimumSizeHint().width() + area->verticalScrollBar()->sizeHint().width());
        return area;
    };
    hsplit->addWidget(scrolled(battery));
    hsplit->addWidget(main);
    hsplit->addWidget(scrolled(buildSidePanel()));
    hsplit->setStretchFactor(0, 1);
    hsplit->setStretchFactor(1, 5);
    hsplit->setStretchFactor(2, 0);
    pageLayout->addWidget(hsplit);
    // Page 0: why there is no matrix, or the opening under way (a busy bar under the words).
    auto* messagePage = new QWidget;
    auto* messageLayout = new QVBoxLayout(messagePage);
    messageLayout->addStretch(1);
    messageLayout->addWidget(m_message);
    m_message->setObjectName(QStringLiteral("matrixMessage"));
    m_opening = new QProgressBar;
    m_opening->setObjectName(QStringLiteral("openingProgress"));
    m_opening->setRange(0, 0);  // busy: checking a file gives no fraction
    m_opening->setTextVisible(false);
    m_opening->setMaximumWidth(320);
    m_opening->hide();
    messageLayout->addWidget(m_opening, 0, Qt::AlignHCenter);
    messageLayout->addStretch(1);
    m_stack->addWidget(messagePage);
    m_stack->addWidget(page);
    outer->addWidget(m_stack);
    setWidget(content);

    // The tooltip adds the quadrant of the point under the mouse and, for a customer, its segment,
    // region, manager, revenue and margin. Attribute points have none of the customer columns
    // (MatrixInput leaves them empty), so every column is checked before it is read.
    m_large->setTooltipExtra([this](int index) {
        const auto& m = m_session->matrix(m_current);
        const auto i = std::size_t(index);
        if (!m.input || !m.result || index < 0 || i >= m.input->size() || i >= m.result->assignment.size())
            return QString();
        QStringList lines;
        const auto q = m.result->assignment[i];
        if (q >= 0) lines << tr("quadrant: %1").arg(toQString(engine::matrixSpec(m_current).quadrants[std::size_t(q)].name));
        const auto& seg = m.input->field(engine::GroupField::Segment);
        const auto& reg = m.input->field(engine::GroupField::Region);
        const auto& man = m.input->field(engine::GroupField::Manager);
        for (auto [what, cat] : {std::pair{tr("segment"), &seg}, std::pair{tr("region"), &reg}, std::pair{tr("manager"), &man}})
            if (i < cat->codes.size() && cat->codes[i] >= 0 && std::size_t(cat->codes[i]) < cat->names.size())
                lines << QStringLiteral("%1: %2").arg(what, toQString(cat->names[std::size_t(cat->codes[i])]));
        const double revenue = i < m.input->revenue.size() ? m.input->revenue[i] : kNaN;
        const double margin = i < m.input->margin.size() ? m.input->margin[i] : kNaN;
        if (std::isfinite(revenue))
            lines << tr("revenue %1 · margin %2")
                         .arg(QLocale().toString(revenue, 'f', 0),
                              std::isfinite(margin) ? QLocale().toString(margin, 'f', 0) : QStringLiteral("—"));
        return lines.join(QLatin1Char('\n'));
    });
    connect(m_large, &MatrixCanvas::thresholdDropped, this, [this](double oldX, double oldY, double x, double y) {
        auto t = m_session->matrix(m_current).thresholds;
        if (x != oldX) t.x = {engine::ThresholdMode::Custom, x};
        if (y != oldY) t.y = {engine::ThresholdMode::Custom, y};
        warnIfRefused(m_session->setThresholds(
            m_current, t, tr("Drag threshold of %1").arg(toQString(engine::matrixSpec(m_current).title))));
    });
    connect(m_large, &MatrixCanvas::selectionRequested, this,
            [this](std::vector<std::int32_t> points, Qt::KeyboardModifiers mods) {
                auto ids = m_session->idsOf(m_current, points);
                if (mods & (Qt::ShiftModifier | Qt::ControlModifier)) ids.unite(m_session->selection());
                m_session->setSelection(ids, this);
            });
    connect(m_session, &MatrixSession::loaded, this, [this] {
        m_opening->hide();
        refreshAll();
    });
    // Opening a large workbook takes a moment: say so where the matrices will appear.
    connect(m_session->document(), &WorkbookDocument::openingStarted, this, [this](const QString& path) {
        m_message->setText(tr("<p><b>Opening %1…</b></p><p>Checking the file and reading its matrices.</p>")
                               .arg(QFileInfo(path).fileName().toHtmlEscaped()));
        m_opening->show();
        m_stack->setCurrentIndex(0);
    });
    connect(m_session->document(), &WorkbookDocument::openFailed, this, [this] {
        m_opening->hide();
        if (m_session->document()->isOpen() && m_session->isLoaded()) refreshAll();
        else m_message->setText(tr("Open a workbook to see its matrices."));
        showWelcomeIfIdle();
    });
    connect(m_session->document(), &WorkbookDocument::workbookClosed, this, [this] {
        m_message->setText(tr("Open a workbook to see its matrices."));
        m_stack->setCurrentIndex(0);
        showWelcomeIfIdle();
    });
    connect(m_session, &MatrixSession::notAnalysed, this, [this](const QString& why) {
        // A workbook with nothing to analyse needs data first, not an analysis.
        const auto& summary = m_session->document()->summary();
        if (summary.count("transactions") == 0 && summary.count("survey_responses") == 0)
            m_message->setText(tr("<p><b>No data yet.</b></p><p>Import transactions or a survey with <b>File › Import "
                                  "data…</b> (Ctrl+I); then <b>Analysis › Analyze</b> (Ctrl+R) places the customers in "
                                  "the matrices.</p>"));
        else
            m_message->setText(tr("<p><b>No matrices yet.</b></p><p>%1</p><p>Run <b>Analysis › Analyze</b> (Ctrl+R) "
                                  "to compute the metrics the matrices place.</p>")
                                   .arg(why.toHtmlEscaped()));
        m_opening->hide();
        m_stack->setCurrentIndex(0);
    });
    connect(m_session, &MatrixSession::resultChanged, this, &MatrixDock::refresh);
    connect(m_session, &MatrixSession::selectionChanged, this, &MatrixDock::applySelection);
    m_message->setText(tr("Open a workbook to see its matrices."));
    if (m_session->isLoaded()) refreshAll();
}

QWidget* MatrixDock::buildSidePanel() {
    auto* panel = new QWidget;
    auto* layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* thresholds = new QGroupBox(tr("Thresholds"));
    auto* form = new QFormLayout(thresholds);
    for (int axis = 0; axis < 2; ++axis) {
        m_mode[axis] = new QComboBox;
        m_mode[axis]->addItems({tr("median"), tr("mean"), tr("target"), tr("custom")});
        m_value[axis] = new QDoubleSpinBox;
        m_value[axis]->setRange(-1e12, 1e12);
        m_value[axis]->setDecimals(2);
        m_value[axis]->setKeyboardTracking(false);
        auto* row = new QHBoxLayout;
        row->addWidget(m_mode[axis]);
        row->addWidget(m_value[axis], 1);
        form->addRow(axis == 0 ? tr("x") : tr("y"), row);
        connect(m_mode[axis], &QComboBox::currentIndexChanged, this, [this] { commitThresholdControls(); });
        connect(m_value[axis], &QDoubleSpinBox::valueChanged, this, [this] { commitThresholdControls(); });
    }
    layout->addWidget(thresholds);

    auto* view = new QGroupBox(tr("View"));
    auto* vform = new QFormLayout(view);
    m_groupBy = new QComboBox;
    m_groupBy->addItems({tr("(no breakdown)"), tr("segment"), tr("channel"), tr("region"), tr("manager")});
    vform->addRow(tr("Breakdown"), m_groupBy);
    m_filter = new QLineEdit;
    m_filter->setPlaceholderText(tr("e.g. region=North, channel=web"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setToolTip(tr("Filters compose: different fields must all match, the same field twice admits "
                            "either value. Fields: segment, channel, region, manager."));
    vform->addRow(tr("Filter"), m_filter);
    m_filterError = new QLabel;
    m_filterError->setWordWrap(true);
    m_filterError->setForegroundRole(QPalette::BrightText);
    m_filterError->hide();
    vform->addRow(m_filterError);
    connect(m_filter, &QLineEdit::editingFinished, this, [this] { setFilterText(m_filter->text()); });
    m_colorBy = new QComboBox;
    m_colorBy->addItems({tr("quadrant"), tr("segment"), tr("channel"), tr("region"), tr("manager"), tr("(one colour)")});
    vform->addRow(tr("Colour by"), m_colorBy);
    m_sizeByRevenue = new QCheckBox(tr("Size by revenue"));
    vform->addRow(m_sizeByRevenue);
    for (int axis = 0; axis < 2; ++axis) {
        m_scale[axis] = new QComboBox;
        m_scale[axis]->setObjectName(axis == 0 ? QStringLiteral("scaleX") : QStringLiteral("scaleY"));
        m_scale[axis]->addItems({tr("automatic"), tr("linear"), tr("log"), tr("symmetric log")});
        m_scale[axis]->setToolTip(tr("Automatic: a symmetric log scale for money most customers have little of and a "
                                     "few a lot; linear otherwise. A log scale cannot show values ≤ 0; a symmetric "
                                     "log scale shows them (linear between −1 and 1)."));
        vform->addRow(axis == 0 ? tr("Scale x") : tr("Scale y"), m_scale[axis]);
    }
    layout->addWidget(view);
    layout->addStretch(1);

    connect(m_groupBy, &QComboBox::currentIndexChanged, this, [this](int i) {
        static const engine::GroupField fields[] = {engine::GroupField::Segment, engine::GroupField::Channel,
                                                    engine::GroupField::Region, engine::GroupField::Manager};
        m_session->setGroupBy(i == 0 ? std::nullopt : std::optional(fields[i - 1]));
        if (i > 0 && m_tabs->isTabEnabled(1)) m_tabs->setCurrentIndex(1);
    });
    connect(m_colorBy, &QComboBox::currentIndexChanged, this, [this] { refreshAll(); });
    connect(m_session, &MatrixSession::viewReset, this, [this] {
        const QSignalBlocker a(m_groupBy), b(m_filter);
        m_groupBy->setCurrentIndex(0);
        m_filter->clear();
    });
    connect(m_sizeByRevenue, &QCheckBox::toggled, m_large, &MatrixCanvas::setSizeByRevenue);
    for (int axis = 0; axis < 2; ++axis)
        connect(m_scale[axis], &QComboBox::currentIndexChanged, this, [this] {
            if (m_session->isLoaded()) refresh(m_current);  // the axis titles and the title say the scale
        });
    return panel;
}

void MatrixDock::setBreakdown(std::optional<engine::GroupField> field) {
    m_groupBy->setCurrentIndex(field ? static_cast<int>(*field) + 1 : 0);
}

bool MatrixDock::setFilterText(const QString& text) {
    if (m_filter->text() != text) m_filter->setText(text);
    std::vector<engine::MatrixFilter> filters;
    for (const auto& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        auto f = engine::MatrixFilter::parse(toStdString(part.trimmed()));
        if (!f) {
            m_filterError->setText(toQString(f.error().message));
            m_filterError->show();
            m_filterInvalid = true;
            return false;
        }
        filters.push_back(std::move(*f));
    }
    m_filterError->hide();
    m_filterInvalid = false;
    m_session->setFilters(std::move(filters));  // recomputes and refreshes: the warnings follow
    return true;
}

void MatrixDock::showFilterWarnings() {
    // A value no point has ("manager=alice") empties the matrix without an error: say so under
    // the filter, with the near matches the engine found.
    const auto& m = m_session->matrix(m_current);
    QStringList lines;
    if (m.result)
        for (const auto& w : m.result->warnings)
            if (w.rfind("no point has ", 0) == 0) lines << toQString(w);
    if (lines.isEmpty()) {
        m_filterError->hide();
        return;
    }
    m_filterError->setText(lines.join(QLatin1Char('\n')));
    m_filterError->show();
}

void MatrixDock::showMatrix(MatrixKind kind) {
    m_current = kind;
    refresh(kind);
}

void MatrixDock::refreshAll() {
    if (!m_session->isLoaded()) return;
    m_stack->setCurrentIndex(1);
    for (const auto& spec : engine::matrixSpecs()) fillCanvas(m_thumbs[MatrixSession::index(spec.kind)], spec.kind, false);
    refresh(m_current);
}

void MatrixDock::refresh(MatrixKind kind) {
    if (!m_session->isLoaded()) return;
    fillCanvas(m_thumbs[MatrixSession::index(kind)], kind, false);
    if (kind != m_current) return;
    updateTitle();
    if (m_filterError && !m_filterInvalid) showFilterWarnings();  // a syntax error stays until fixed
    fillCanvas(m_large, kind, true);
    fillQuadrantTable();
    fillSmallMultiples();
    fillThresholdControls();
}

void MatrixDock::updateTitle() {
    const auto& spec = engine::matrixSpec(m_current);
    const auto& m = m_session->matrix(m_current);
    QString title = QStringLiteral("<b>%1</b>").arg(toQString(spec.title).toHtmlEscaped());
    if (m.result)
        title += tr(" — %1 plotted, %2 with insufficient data").arg(formatCount(m.result->total.plotted),
                                                                   formatCount(m.result->total.insufficient));
    // A log axis cannot show values ≤ 0 (21 % of the margins of a large workbook): say how many.
    const auto [scaleX, scaleY] = scalesOf(m_current, true);
    if (m.result && m.input && (scaleX == charts::AxisScale::Log10 || scaleY == charts::AxisScale::Log10)) {
        const bool logX = scaleX == charts::AxisScale::Log10, logY = scaleY == charts::AxisScale::Log10;
        std::int64_t hidden = 0;
        for (std::size_t i = 0; i < m.input->size() && i < m.result->assignment.size(); ++i)
            if (m.result->assignment[i] >= 0 && ((logX && !(m.input->xs[i] > 0)) || (logY && !(m.input->ys[i] > 0))))
                ++hidden;
        if (hidden > 0)
            title += tr(" · <span style='color:#b35900'>%1 not shown: ≤ 0 on the log scale</span>").arg(formatCount(hidden));
    }
    if (m.result && !m_session->selection().isEmpty())
        title += tr(" · <b>%1 selected</b>").arg(formatCount(m_session->selection().size()));
    else if (!m.error.isEmpty())
        title += QStringLiteral(" — ") + m.error.toHtmlEscaped();
    m_title->setText(title);
}

// One thumbnail per group: the group's points in their quadrant colours, the others in the
// neutral colour, the global thresholds, and the group's quadrant counts underneath.
void MatrixDock::fillSmallMultiples() {
    auto* grid = static_cast<QGridLayout*>(m_multiples->layout());
    while (auto* item = grid->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const auto& m = m_session->matrix(m_current);
    const bool show = m.result && !m.result->groups.empty() && m_session->groupBy();
    m_tabs->setTabEnabled(1, show);
    if (!show) {
        m_tabs->setTabText(1, tr("Breakdown"));
        m_tabs->setCurrentIndex(0);
        return;
    }
    const auto field = *m_session->groupBy();
    m_tabs->setTabText(1, tr("By %1").arg(toQString(engine::toString(field))));
    const auto& spec = engine::matrixSpec(m_current);
    const auto& codes = m.input->field(field);
    QStringList names;
    for (const auto& q : spec.quadrants) names << toQString(q.name);
    const int columns = 4;
    // The groups come largest first; past kPanels the rest share one "others" panel.
    constexpr std::size_t kPanels = 11;
    const auto& groups = m.result->groups;
    const std::size_t shown = groups.size() > kPanels + 1 ? kPanels : groups.size();
    std::vector<std::int32_t> panelOf(codes.names.size() + 1, -1);  // category code (+1) -> panel
    for (std::size_t p = 0; p < groups.size(); ++p) {
        const auto it = std::find(codes.names.begin(), codes.names.end(), groups[p].name);
        const std::size_t slot = groups[p].name == engine::kNoGroupName || it == codes.names.end()
                                     ? 0
                                     : std::size_t(it - codes.names.begin()) + 1;
        panelOf[slot] = std::int32_t(std::min(p, shown));
    }
    int cell = 0;
    for (std::size_t p = 0; p <= shown && p < groups.size(); ++p) {
        const bool others = p == shown;
        engine::MatrixSummary summary = groups[p].summary;
        QString title = toQString(groups[p].name);
        if (others) {  // the remaining groups together
            summary = {};
            for (std::size_t k = shown; k < groups.size(); ++k) {
                for (int q = 0; q < 4; ++q) summary.quadrants[std::size_t(q)].count += groups[k].summary.quadrants[std::size_t(q)].count;
                summary.plotted += groups[k].summary.plotted;
                summary.insufficient += groups[k].summary.insufficient;
            }
            title = tr("%1 other groups").arg(groups.size() - shown);
        }
        std::vector<std::int32_t> colour(m.input->size(), -1);
        for (std::size_t i = 0; i < colour.size(); ++i) {
            const auto c = codes.codes.empty() ? engine::Category::kNone : codes.codes[i];
            const std::size_t slot = c == engine::Category::kNone ? 0 : std::size_t(c) + 1;
            if (panelOf[slot] == std::int32_t(p) && m.result->assignment[i] >= 0) colour[i] = m.result->assignment[i];
        }
        const auto& g = summary;
        auto* canvas = new MatrixCanvas;
        canvas->setCompact(true);
        canvas->setMinimumSize(170, 110);
        canvas->setPoints(m.input);
        const auto [scaleX, scaleY] = scalesOf(m_current, true);  // the panels read like the large matrix
        canvas->setScales(scaleX, scaleY);
        canvas->setThresholds(m.result->total.x.value.value_or(kNaN), m.result->total.y.value.value_or(kNaN));
        canvas->setColorCodes(std::move(colour), names);
        // Named counts: "true friends 1,200 · butterflies 300 · …", under the group and its size.
        QStringList counts;
        for (int q = 0; q < 4; ++q)
            counts << QStringLiteral("%1 %2").arg(names[q].toHtmlEscaped(), formatCount(g.quadrants[std::size_t(q)].count));
        auto* label = new QLabel(QStringLiteral("<b>%1</b> · %2<br><small>%3</small>")
                                     .arg(title.toHtmlEscaped(),
                                          tr("%1 plotted").arg(formatCount(g.plotted)), counts.join(QStringLiteral(" · "))));
        label->setWordWrap(true);
        label->setToolTip(counts.join(QStringLiteral("\n")));
        auto* box = new QWidget;
        auto* v = new QVBoxLayout(box);
        v->setContentsMargins(2, 2, 2, 2);
        v->addWidget(label);
        v->addWidget(canvas, 1);
        grid->addWidget(box, cell / columns, cell % columns);
        ++cell;
    }
}

std::pair<charts::AxisScale, charts::AxisScale> MatrixDock::scalesOf(MatrixKind kind, bool large) const {
    const auto& m = m_session->matrix(kind);
    charts::AxisScale out[2] = {charts::AxisScale::Linear, charts::AxisScale::Linear};
    if (!m.input || !m.result) return {out[0], out[1]};
    // The automatic choice reads every value (a median): once per loaded input, not per redraw.
    auto& cached = m_automaticScales[std::size_t(MatrixSession::index(kind))];
    if (cached.input != m.input.get()) {
        cached.input = m.input.get();
        cached.scale = {charts::automaticScale(m.input->x.unit == "currency", m.input->xs),
                        charts::automaticScale(m.input->y.unit == "currency", m.input->ys)};
    }
    for (int axis = 0; axis < 2; ++axis) {
        // Thumbnails follow the automatic choice; the large matrix the user's, if any.
        const int choice = large && m_scale[axis] ? m_scale[axis]->currentIndex() : 0;
        static const charts::AxisScale chosen[] = {charts::AxisScale::Linear, charts::AxisScale::Linear, charts::AxisScale::Log10, charts::AxisScale::SymLog};
        out[axis] = choice > 0 ? chosen[choice] : cached.scale[std::size_t(axis)];
    }
    return {out[0], out[1]};
}

void MatrixDock::fillCanvas(MatrixCanvas* canvas, MatrixKind kind, bool large) {
    const auto& m = m_session->matrix(kind);
    canvas->setPoints(m.input);
    if (!m.input || !m.result) {
        canvas->setThresholds(kNaN, kNaN);
        canvas->setQuadrantTexts({});
        canvas->setAxisTitles({}, {});
        canvas->setColorCodes({}, {});
        canvas->setPointLabels({});
        canvas->setMessage(large ? (m.error.isEmpty() ? tr("This matrix has nothing to show.") : m.error)
                                 : tr("not available"));
        return;
    }
    canvas->setMessage({});
    const auto& r = *m.result;
    const auto& spec = engine::matrixSpec(kind);
    const auto [scaleX, scaleY] = scalesOf(kind, large);
    canvas->setScales(scaleX, scaleY);
    auto titled = [&r](const engine::AxisSpec& axis, charts::AxisScale scale) {
        const QString name = scaleName(scale);
        const QString title = axisTitle(axis, r.currency);
        return name.isEmpty() ? title : QStringLiteral("%1 · %2").arg(title, name);
    };
    canvas->setAxisTitles(titled(r.x, scaleX), titled(r.y, scaleY));
    // Attributes are few and named: their names beside the points; shares read as percentages.
    QStringList labels;
    if (m.input->points == engine::PointKind::Attribute)
        for (const auto& l : m.input->labels) labels << toQString(l);
    canvas->setPointLabels(large ? labels : QStringList());
    canvas->setPercentAxes(r.x.unit == "share", r.y.unit == "share");
    canvas->setThresholds(r.total.x.value.value_or(kNaN), r.total.y.value.value_or(kNaN));
    std::array<QString, 4> texts;
    for (int q = 0; q < 4; ++q) {
        const auto& s = r.total.quadrants[std::size_t(q)];
        texts[std::size_t(q)] = toQString(spec.quadrants[std::size_t(q)].name);
        if (large && m.input->points == engine::PointKind::Attribute) {
            texts[std::size_t(q)] += QStringLiteral("\n") + (s.count == 1 ? tr("1 attribute") : tr("%1 attributes").arg(s.count));
        } else if (large) {
            texts[std::size_t(q)] += QStringLiteral("\n%1 · %2").arg(formatCount(s.count), percent(s.customerShare));
            if (s.revenueShare) texts[std::size_t(q)] += tr(" · revenue %1").arg(percent(s.revenueShare));
        }
    }
    // Thumbnails are too small for corner texts: the battery shows the point clouds and lines.
    canvas->setQuadrantTexts(large ? texts : std::array<QString, 4>{});
    const int colorBy = m_colorBy ? m_colorBy->currentIndex() : ByQuadrant;
    if (colorBy == ByQuadrant) {
        std::vector<std::int32_t> codes(r.assignment.begin(), r.assignment.end());
        for (auto& c : codes) c = c < 0 ? -1 : c;
        QStringList names;
        for (const auto& q : spec.quadrants) names << toQString(q.name);
        canvas->setColorCodes(std::move(codes), names);
    } else if (colorBy != ByNothing && m.input->points == engine::PointKind::Customer) {
        const auto& field = m.input->field(static_cast<engine::GroupField>(colorBy - 1));
        QStringList names;
        for (const auto& n : field.names) names << toQString(n);
        std::vector<std::int32_t> codes = field.codes;
        capColours(codes, names);
        canvas->setColorCodes(std::move(codes), names);
    } else {
        canvas->setColorCodes({}, {});
    }
    canvas->setSelection(m_session->selectionFlags(kind));
}

void MatrixDock::fillQuadrantTable() {
    const auto& m = m_session->matrix(m_current);
    const auto& spec = engine::matrixSpec(m_current);
    m_quadrants->setRowCount(0);
    if (!m.result) return;
    const auto& t = m.result->total;
    const bool attributes = m.input && m.input->points == engine::PointKind::Attribute;
    m_quadrants->setHorizontalHeaderLabels(
        attributes ? QStringList{tr("Quadrant / attribute"), tr("Attributes"), tr("Importance"), tr("Satisfaction"),
                                 QString(), tr("Meaning / quadrant")}
                   : QStringList{tr("Quadrant"), tr("Customers"), tr("Share"), tr("Revenue share"), tr("Margin share"),
                                 tr("Meaning")});
    auto addRow = [this](const QStringList& cells) {
        const int row = m_quadrants->rowCount();
        m_quadrants->insertRow(row);
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            if (c >= 1 && c <= 4) item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_quadrants->setItem(row, c, item);
        }
    };
    for (int q = 0; q < 4; ++q) {
        const auto& s = t.quadrants[std::size_t(q)];
        if (attributes)
            addRow({toQString(spec.quadrants[std::size_t(q)].name), formatCount(s.count), QString(), QString(), QString(),
                    toQString(spec.quadrants[std::size_t(q)].meaning)});
        else
            addRow({toQString(spec.quadrants[std::size_t(q)].name), formatCount(s.count), percent(s.customerShare),
                    percent(s.revenueShare), percent(s.marginShare), toQString(spec.quadrants[std::size_t(q)].meaning)});
    }
    if (attributes) {  // every attribute, most important first, with its place
        std::vector<std::size_t> order(m.input->size());
        std::iota(order.begin(), order.end(), std::size_t{0});
        const auto& xs = m.input->xs;
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            return (std::isnan(xs[b]) ? -INFINITY : xs[b]) < (std::isnan(xs[a]) ? -INFINITY : xs[a]);
        });
        const bool share = m.result->x.unit == "share";
        for (std::size_t i : order) {
            const auto a = m.result->assignment[i];
            const double x = xs[i], y = m.input->ys[i];
            addRow({QStringLiteral("  %1").arg(toQString(m.input->labels[i])), QString(),
                    std::isnan(x) ? QStringLiteral("—") : share ? percent(x) : QLocale().toString(x, 'f', 2),
                    std::isnan(y) ? QStringLiteral("—") : QLocale().toString(y, 'f', 1), QString(),
                    a >= 0 ? toQString(spec.quadrants[std::size_t(a)].name) : tr("insufficient data")});
        }
    }
    addRow({tr("insufficient data"), formatCount(t.insufficient), QString(), QString(), QString(),
            tr("not plotted: a value is missing (never shown as 0)")});
    for (const auto& g : m.result->groups) {
        QStringList cells{QStringLiteral("%1: %2").arg(toQString(engine::toString(g.by)), toQString(g.name))};
        QStringList counts;
        for (int q = 0; q < 4; ++q) counts << formatCount(g.summary.quadrants[std::size_t(q)].count);
        cells << formatCount(g.summary.plotted) << QString() << QString() << QString()
              << counts.join(QStringLiteral(" · ")) + tr("  (insufficient %1)").arg(formatCount(g.summary.insufficient));
        addRow(cells);
    }
    m_quadrants->resizeColumnsToContents();
}

// Shares (importance as share of explained satisfaction) are typed and shown in percent.
double MatrixDock::thresholdScale(int axis) const {
    const auto& r = m_session->matrix(m_current).result;
    const auto& spec = engine::matrixSpec(m_current);
    const auto& unit = r ? (axis == 0 ? r->x.unit : r->y.unit) : (axis == 0 ? spec.x.unit : spec.y.unit);
    return unit == "share" ? 100.0 : 1.0;
}

void MatrixDock::fillThresholdControls() {
    m_updatingControls = true;
    const auto& t = m_session->matrix(m_current).thresholds;
    const auto& r = m_session->matrix(m_current).result;
    const engine::AxisThreshold* axes[2] = {&t.x, &t.y};
    for (int axis = 0; axis < 2; ++axis) {
        const auto mode = std::find(kModes.begin(), kModes.end(), axes[axis]->mode) - kModes.begin();
        m_mode[axis]->setCurrentIndex(int(mode));
        double shown = axes[axis]->value;
        if (!axes[axis]->needsValue() && r) shown = (axis == 0 ? r->total.x.value : r->total.y.value).value_or(0.0);
        const double scale = thresholdScale(axis);
        m_value[axis]->setSuffix(scale == 100.0 ? QStringLiteral(" %") : QString());
        m_value[axis]->setValue(shown * scale);
        // A matrix that cannot be drawn has no threshold to show ("median 0.00" was misleading).
        m_mode[axis]->setEnabled(bool(r));
        m_value[axis]->setEnabled(r && axes[axis]->needsValue());
        m_value[axis]->setSpecialValueText(r ? QString() : tr("—"));
        if (!r) m_value[axis]->setValue(m_value[axis]->minimum());
    }
    m_updatingControls = false;
}

void MatrixDock::commitThresholdControls() {
    if (m_updatingControls) return;
    engine::MatrixThresholds t;
    engine::AxisThreshold* axes[2] = {&t.x, &t.y};
    for (int axis = 0; axis < 2; ++axis) {
        axes[axis]->mode = kModes[std::size_t(m_mode[axis]->currentIndex())];
        axes[axis]->value = m_value[axis]->value() / thresholdScale(axis);
    }
    warnIfRefused(m_session->setThresholds(m_current, t));
}

void MatrixDock::warnIfRefused(const Status& st) {
    if (!st)
        QMessageBox::warning(this, tr("Thresholds"),
                             tr("The thresholds were not changed.\n\n%1").arg(toQString(st.error().describe())));
}

void MatrixDock::applySelection(QObject*) {
    for (const auto& spec : engine::matrixSpecs())
        m_thumbs[MatrixSession::index(spec.kind)]->setSelection(m_session->selectionFlags(spec.kind));
    m_large->setSelection(m_session->selectionFlags(m_current));
    updateTitle();  // it counts the selection
}

MatrixCanvas::ExportCaption MatrixDock::exportCaption() const {
    const auto& spec = engine::matrixSpec(m_current);
    const auto& m = m_session->matrix(m_current);
    MatrixCanvas::ExportCaption c;
    c.title = toQString(spec.title);
    QStringList first;
    first << tr("Workbook %1").arg(QFileInfo(m_session->document()->path()).fileName());
    if (m.result) {
        auto split = [&m](const engine::AxisSpec& axis, const engine::ResolvedThreshold& t) {
            const bool share = axis.unit == "share";
            const QString value = !t.value ? tr("n/a")
                                  : share  ? QLocale().toString(*t.value * 100.0, 'f', 1) + QStringLiteral(" %")
                                           : QLocale().toString(*t.value, 'f', 2);
            return tr("%1 split at its %2, %3").arg(axisTitle(axis, m.result->currency),
                                                    QString::fromLatin1(engine::toString(t.mode)), value);
        };
        c.lines << tr("x: %1").arg(split(m.result->x, m.result->total.x));
        c.lines << tr("y: %1").arg(split(m.result->y, m.result->total.y));
        first << tr("%1 plotted, %2 with insufficient data")
                     .arg(formatCount(m.result->total.plotted), formatCount(m.result->total.insufficient));
    }
    if (m_session->groupBy())
        first << tr("breakdown by %1").arg(QString::fromLatin1(engine::toString(*m_session->groupBy())));
    if (!m_filter->text().trimmed().isEmpty()) first << tr("filter %1").arg(m_filter->text().trimmed());
    first << tr("exported %1").arg(QLocale().toString(QDateTime::currentDateTime(), QLocale::ShortFormat));
    c.lines.prepend(first.join(QStringLiteral(" · ")));
    if (m.input)
        for (const auto& note : m.input->notes) c.lines << toQString(note);
    return c;
}

void MatrixDock::setWelcome(QWidget* welcome) {
    m_welcome = welcome;
    m_stack->addWidget(welcome);
    showWelcomeIfIdle();
}

void MatrixDock::showWelcomeIfIdle() {
    const auto* document = m_session->document();
    if (m_welcome && !document->isOpen() && !document->isOpening()) m_stack->setCurrentWidget(m_welcome);
}

QString MatrixDock::exportCurrent(const QString& path) {
    if (!m_session->isLoaded()) return tr("there is no matrix to export");
    return m_large->exportTo(path, QSize(1600, 1100), exportCaption());
}

}  // namespace cw::app
