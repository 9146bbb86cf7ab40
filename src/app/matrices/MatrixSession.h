#pragma once
// The five matrices of the open workbook as the GUI sees them: the points (loaded on a worker,
// all breakdown fields included), the thresholds of each matrix, the computed quadrants, the
// breakdown/filters chosen, and the linked selection of customers. Recomputing a matrix is
// cheap (milliseconds for 100k customers) and runs on the GUI thread; threshold edits are
// undoable commands on the document's undo stack and are saved in the workbook.
#include <QFutureWatcher>
#include <QObject>
#include <QSet>
#include <QString>

#include <array>
#include <memory>
#include <optional>
#include <vector>

#include "engine/matrix/MatrixComputation.h"
#include "engine/matrix/MatrixInput.h"
#include "engine/matrix/MatrixSpec.h"
#include "engine/matrix/MatrixThresholds.h"

namespace cw::app {

class WorkbookDocument;

inline constexpr int kMatrixCount = 5;

class MatrixSession : public QObject {
    Q_OBJECT

public:
    struct Matrix {
        std::shared_ptr<const engine::MatrixInput> input;
        engine::MatrixThresholds thresholds;
        std::optional<engine::MatrixResult> result;
        QString error;  ///< why the matrix cannot be shown (e.g. no survey)
    };
    struct Loaded {
        std::array<Matrix, kMatrixCount> matrices;
        QString error;  ///< set when the workbook is not analysed or cannot be read
    };

    explicit MatrixSession(WorkbookDocument* document, QObject* parent = nullptr);
    ~MatrixSession() override;

    /// Loads every matrix on a worker (after opening, analysing or importing).
    void reload();
    /// The same, waiting: for tests.
    void reloadAndWait();
    bool isLoaded() const { return m_loaded; }
    bool isLoading() const { return m_loader.isRunning(); }
    QString notAnalysedReason() const { return m_error; }

    const Matrix& matrix(engine::MatrixKind kind) const { return m_matrices[index(kind)]; }

    /// Pushes an undoable threshold change (a SetThresholdsCommand: saved in the workbook unless
    /// it is read-only) and recomputes. When the workbook refuses the write (busy), nothing
    /// changes, resultChanged() puts the views back and the error is returned for the caller to show.
    Status setThresholds(engine::MatrixKind kind, const engine::MatrixThresholds& thresholds, const QString& what = {});
    /// Shows thresholds without saving or an undo command (the command itself calls this).
    void applyThresholds(engine::MatrixKind kind, const engine::MatrixThresholds& thresholds);

    void setGroupBy(std::optional<engine::GroupField> field);
    std::optional<engine::GroupField> groupBy() const { return m_groupBy; }
    void setFilters(std::vector<engine::MatrixFilter> filters);
    const std::vector<engine::MatrixFilter>& filters() const { return m_filters; }

    /// The linked selection: customer ids; `origin` is the view that changed it (or nullptr).
    const QSet<qint64>& selection() const { return m_selection; }
    void setSelection(const QSet<qint64>& ids, QObject* origin);
    /// One flag per point of the matrix: selected or not.
    std::vector<std::uint8_t> selectionFlags(engine::MatrixKind kind) const;
    /// Customer ids of the given point indexes of a matrix (attribute matrices have none).
    QSet<qint64> idsOf(engine::MatrixKind kind, const std::vector<std::int32_t>& points) const;
    /// The quadrant of a customer in every customer matrix, for the detail view.
    QList<QPair<QString, QString>> quadrantsOf(qint64 customerId) const;

    static int index(engine::MatrixKind kind) { return static_cast<int>(kind); }

signals:
    void loaded();
    void notAnalysed(const QString& reason);
    void resultChanged(cw::engine::MatrixKind kind);
    void selectionChanged(QObject* origin);
    /// Another workbook was opened: its matrices start without the breakdown and filters of the last.
    void viewReset();

private:
    void adopt(Loaded result);
    /// A prefetch's result once the workbook has opened; one that failed is read again.
    void adoptPrefetched(Loaded result);
    void recompute(engine::MatrixKind kind);
    void prefetch(const QString& path);

    WorkbookDocument* m_document;

public:
    WorkbookDocument* document() const { return m_document; }
    std::array<Matrix, kMatrixCount> m_matrices;
    std::optional<engine::GroupField> m_groupBy;
    std::vector<engine::MatrixFilter> m_filters;
    QString m_path;  ///< of the workbook whose view the breakdown and filters belong to
    QSet<qint64> m_selection;
    QFutureWatcher<Loaded> m_loader;
    /// The workbook being opened whose matrices are read while its file is checked, and what
    /// was read when that finished first: shown once the workbook is open.
    QString m_prefetchPath;
    std::optional<Loaded> m_prefetched;
    bool m_loaded = false;
    QString m_error;
};

}  // namespace cw::app
