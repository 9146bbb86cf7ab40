#pragma once
// The open workbook as the GUI sees it (Tiled's document pattern): owns the GUI thread's
// SQLite connection, the undo stack for user edits, and a summary the views adapt. It talks to
// nobody: errors come back as values or signals and the window decides how to show them.
// Workers (audit, import) open their own connections from path(): SQLite wants one connection
// per thread.
#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

#include "app/workbook/WorkbookSummary.h"
#include "core/Error.h"
#include "core/Result.h"

class QUndoStack;

namespace cw::store {
class Workbook;
}

namespace cw::app {

class WorkbookDocument : public QObject {
    Q_OBJECT

public:
    explicit WorkbookDocument(QObject* parent = nullptr);
    ~WorkbookDocument() override;

    /// Opens an existing workbook on a worker (the store checks the whole file's integrity
    /// first, which takes a while on a large workbook), then emits workbookOpened or
    /// openFailed. On failure the current workbook stays open and the file is left as it was.
    void openInBackground(const QString& path);
    bool isOpening() const { return m_opening; }
    /// The same, waiting for the result: for tests and callers without an event loop.
    Status open(const QString& path);
    /// Creates a new, empty workbook and opens it; fails if the file exists.
    Status create(const QString& path);
    void close();

    bool isOpen() const { return m_workbook != nullptr; }
    QString path() const { return m_summary.path; }
    /// The GUI thread's connection, or nullptr when nothing is open. GUI thread only.
    store::Workbook* workbook() const { return m_workbook.get(); }
    const WorkbookSummary& summary() const { return m_summary; }
    QUndoStack* undoStack() const { return m_undoStack; }

    /// Every user edit of the open workbook runs through here, on the GUI thread's connection
    /// (the undo commands in app/commands call it). It waits at most a second for another
    /// program's write lock, and a tenth of a second while the window's own analysis writes,
    /// instead of freezing the window for the full timeout; a busy workbook is then reported
    /// with who holds it when the window knows. Errors: no workbook open, the write's own.
    using Write = std::function<Status(store::Workbook&)>;
    Status write(const Write& write);

    /// The window's own writer on another connection (the analysis), named for write()'s
    /// messages, from its start to its end.
    void beginBackgroundWrite(const QString& what) { m_backgroundWriter = what; }
    void endBackgroundWrite() { m_backgroundWriter.clear(); }
    QString backgroundWriter() const { return m_backgroundWriter; }

    /// Called after something else (an import worker) wrote to the file: re-reads the
    /// summary and tells the views.
    void notifyDataChanged();

    /// Whether another connection committed to the workbook since it was opened or since the
    /// last notifyDataChanged() (SQLite's data_version: the document's own writes never count).
    /// Emits changedExternally() once per such change. The window's own workers also write
    /// through other connections, so the caller asks only while none of them runs; their
    /// writes end in notifyDataChanged(), which makes them seen.
    bool checkForExternalChanges();

    /// A workbook opened (and its summary read) off the GUI thread, or why it could not be.
    struct Loaded {
        QString path;
        std::shared_ptr<store::Workbook> workbook;  ///< moved into the document on adoption
        WorkbookSummary summary;
        std::optional<Error> error;
    };

signals:
    /// openInBackground began: the file is being checked (views may start reading it, but
    /// must not show anything before workbookOpened).
    void openingStarted(const QString& path);
    void workbookOpened(const QString& path);
    void openFailed(const QString& path, const cw::Error& error);
    void workbookClosed();
    void dataChanged();
    /// Another program changed the open workbook; what the views show may be stale.
    void changedExternally();

private:
    void adopt(Loaded loaded);
    std::optional<qint64> dataVersion() const;

    std::unique_ptr<store::Workbook> m_workbook;
    WorkbookSummary m_summary;
    QUndoStack* m_undoStack;
    QFutureWatcher<Loaded> m_opener;
    bool m_opening = false;
    std::optional<qint64> m_seenVersion;  ///< data_version of what the views show
    QString m_backgroundWriter;           ///< empty: none of the window's workers writes
};

}  // namespace cw::app
