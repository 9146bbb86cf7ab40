#include "app/matrices/MatrixSession.h"

#include "app/commands/SetThresholdsCommand.h"

#include <QUndoStack>
#include <QtConcurrent/QtConcurrentRun>

#include "app/widgets/Format.h"
#include "app/workbook/OpenStopwatch.h"
#include "app/workbook/WorkbookDocument.h"
#include "engine/load/MatrixLoader.h"
#include "store/Database.h"
#include "store/Workbook.h"

namespace cw::app {
namespace {

using engine::MatrixKind;

MatrixSession::Loaded loadAll(const std::string& path) {
    MatrixSession::Loaded out;
    try {
        auto wb = store::Workbook::open(path, store::Workbook::OpenMode::ReadOnly, store::Workbook::Integrity::Trust);
        if (!wb) {
            out.error = toQString(wb.error().describe());
            return out;
        }
        if (auto st = engine::checkAnalysed(*wb); !st) {
            out.error = toQString(st.error().message);
            return out;
        }
        // Every breakdown field is loaded once, so switching the breakdown needs no reload; the
        // four customer matrices share one read of the customers.
        std::vector<engine::MatrixFilter> all;
        for (auto f : {engine::GroupField::Segment, engine::GroupField::Channel, engine::GroupField::Region,
                       engine::GroupField::Manager})
            all.push_back({f, {}});
        std::vector<MatrixKind> kinds;
        for (const auto& spec : engine::matrixSpecs()) kinds.push_back(spec.kind);
        auto inputs = engine::loadMatrixInputs(*wb, kinds, all);
        for (std::size_t i = 0; i < kinds.size(); ++i) {
            const auto& spec = engine::matrixSpec(kinds[i]);
            auto& m = out.matrices[MatrixSession::index(spec.kind)];
            auto t = engine::loadMatrixThresholds(*wb, spec);
            if (t) m.thresholds = *t;
            if (!inputs[i])
                m.error = toQString(inputs[i].error().message);
            else
                m.input = std::make_shared<const engine::MatrixInput>(std::move(*inputs[i]));
        }
    } catch (const store::SqlError& e) {
        out.error = toQString(e.message);
    }
    OpenStopwatch::instance().mark("matrices read");
    return out;
}

}  // namespace

MatrixSession::MatrixSession(WorkbookDocument* document, QObject* parent) : QObject(parent), m_document(document) {
    connect(&m_loader, &QFutureWatcher<Loaded>::finished, this, [this] {
        Loaded result = m_loader.result();
        if (!m_prefetchPath.isEmpty()) {
            if (m_document->isOpening() || m_document->path() != m_prefetchPath) {
                m_prefetched = std::move(result);  // shown when the workbook has opened
                return;
            }
            m_prefetchPath.clear();
            adoptPrefetched(std::move(result));
            return;
        }
        adopt(std::move(result));
    });
    // Opening a large workbook checks the whole file first: read the matrices meanwhile (both
    // take about as long), so the first matrix is drawn as soon as the workbook is open.
    connect(document, &WorkbookDocument::openingStarted, this, &MatrixSession::prefetch);
    connect(document, &WorkbookDocument::openFailed, this, [this] {
        m_prefetchPath.clear();
        m_prefetched.reset();
    });
}

void MatrixSession::prefetch(const QString& path) {
    m_prefetchPath = path;
    m_prefetched.reset();
    m_loader.setFuture(QtConcurrent::run(loadAll, toStdString(path)));
}

MatrixSession::~MatrixSession() { m_loader.waitForFinished(); }

void MatrixSession::reload() {
    if (!m_document->isOpen()) return;
    if (m_document->path() != m_path) {  // a breakdown chosen for one workbook is not the next one's
        m_path = m_document->path();
        if (m_groupBy || !m_filters.empty()) {
            m_groupBy.reset();
            m_filters.clear();
            emit viewReset();
        }
    }
    if (!m_prefetchPath.isEmpty()) {
        if (m_prefetchPath == m_document->path()) {
            if (m_prefetched) {
                Loaded result = std::move(*m_prefetched);
                m_prefetched.reset();
                m_prefetchPath.clear();
                adoptPrefetched(std::move(result));
            }  // else still reading: the watcher adopts it when done
            return;
        }
        m_prefetchPath.clear();  // another workbook: the prefetch is abandoned
        m_prefetched.reset();
    }
    m_loader.setFuture(QtConcurrent::run(loadAll, toStdString(m_document->path())));
}

void MatrixSession::reloadAndWait() {
    if (!m_document->isOpen()) return;
    adopt(loadAll(toStdString(m_document->path())));
}

void MatrixSession::adoptPrefetched(Loaded result) {
    // Read while the file was being checked, so before the open upgraded an older workbook (a
    // read-only connection cannot): a failed prefetch is read again from the opened workbook.
    if (!result.error.isEmpty()) {
        m_loader.setFuture(QtConcurrent::run(loadAll, toStdString(m_document->path())));
        return;
    }
    adopt(std::move(result));
}

void MatrixSession::adopt(Loaded result) {
    m_matrices = std::move(result.matrices);
    m_error = result.error;
    m_loaded = m_error.isEmpty();
    m_selection.clear();
    if (!m_loaded) {
        emit notAnalysed(m_error);
        return;
    }
    for (const auto& spec : engine::matrixSpecs()) recompute(spec.kind);
    OpenStopwatch::instance().mark("matrices computed");
    emit loaded();
}

void MatrixSession::recompute(MatrixKind kind) {
    auto& m = m_matrices[index(kind)];
    m.result.reset();
    if (!m.input) return;
    engine::MatrixOptions o;
    o.thresholds = m.thresholds;
    const bool customers = m.input->points == engine::PointKind::Customer;
    if (customers) {
        o.groupBy = m_groupBy;
        o.filters = m_filters;
    }
    auto r = engine::computeMatrix(engine::matrixSpec(kind), *m.input, o);
    if (r)
        m.result = std::move(*r);
    else
        m.error = toQString(r.error().message);
}

Status MatrixSession::setThresholds(MatrixKind kind, const engine::MatrixThresholds& thresholds, const QString& what) {
    const auto before = m_matrices[index(kind)].thresholds;
    if (before == thresholds) return {};
    const auto& spec = engine::matrixSpec(kind);
    auto st = WorkbookEditCommand::push(
        std::make_unique<SetThresholdsCommand>(m_document, this, kind, before, thresholds,
                                               what.isEmpty() ? tr("Change thresholds of %1").arg(toQString(spec.title))
                                                              : what),
        nullptr);
    // Refused (a busy workbook): the views go back to the thresholds that hold (a dragged line
    // returns to its place).
    if (!st) emit resultChanged(kind);
    return st;
}

void MatrixSession::applyThresholds(MatrixKind kind, const engine::MatrixThresholds& thresholds) {
    m_matrices[index(kind)].thresholds = thresholds;
    recompute(kind);
    emit resultChanged(kind);
}

void MatrixSession::setGroupBy(std::optional<engine::GroupField> field) {
    m_groupBy = field;
    for (const auto& spec : engine::matrixSpecs()) {
        recompute(spec.kind);
        emit resultChanged(spec.kind);
    }
}

void MatrixSession::setFilters(std::vector<engine::MatrixFilter> filters) {
    m_filters = std::move(filters);
    for (const auto& spec : engine::matrixSpecs()) {
        recompute(spec.kind);
        emit resultChanged(spec.kind);
    }
}

void MatrixSession::setSelection(const QSet<qint64>& ids, QObject* origin) {
    if (ids == m_selection) return;
    m_selection = ids;
    emit selectionChanged(origin);
}

std::vector<std::uint8_t> MatrixSession::selectionFlags(MatrixKind kind) const {
    const auto& m = m_matrices[index(kind)];
    if (!m.input || m.input->points != engine::PointKind::Customer || m_selection.isEmpty()) return {};
    std::vector<std::uint8_t> flags(m.input->size(), 0);
    for (std::size_t i = 0; i < flags.size(); ++i) flags[i] = m_selection.contains(m.input->ids[i]);
    return flags;
}

QSet<qint64> MatrixSession::idsOf(MatrixKind kind, const std::vector<std::int32_t>& points) const {
    QSet<qint64> ids;
    const auto& m = m_matrices[index(kind)];
    if (!m.input || m.input->points != engine::PointKind::Customer) return ids;
    for (auto p : points)
        if (p >= 0 && std::size_t(p) < m.input->size()) ids.insert(m.input->ids[std::size_t(p)]);
    return ids;
}

QList<QPair<QString, QString>> MatrixSession::quadrantsOf(qint64 customerId) const {
    QList<QPair<QString, QString>> out;
    for (const auto& spec : engine::matrixSpecs()) {
        const auto& m = m_matrices[index(spec.kind)];
        if (!m.input || !m.result || m.input->points != engine::PointKind::Customer) continue;
        const auto it = std::find(m.input->ids.begin(), m.input->ids.end(), customerId);
        if (it == m.input->ids.end()) continue;
        const auto q = m.result->assignment[std::size_t(it - m.input->ids.begin())];
        const QString where = q >= 0 ? toQString(spec.quadrants[std::size_t(q)].name)
                              : q == engine::kInsufficientData ? tr("insufficient data")
                                                               : tr("filtered out");
        out.append({toQString(spec.title), where});
    }
    return out;
}

}  // namespace cw::app
