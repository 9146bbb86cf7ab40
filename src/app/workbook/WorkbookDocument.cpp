#include "app/workbook/WorkbookDocument.h"

#include <algorithm>

#include <QFileInfo>
#include <QUndoStack>
#include <QtConcurrent/QtConcurrentRun>

#include <spdlog/spdlog.h>

#include "app/widgets/Format.h"
#include "app/workbook/OpenStopwatch.h"
#include "core/Log.h"
#include "store/Database.h"
#include "store/Workbook.h"

namespace cw::app {
namespace {

// Reads what the window shows. The store throws SqlError only for failures of its own SQL
// (disk, corruption found late); the summary then stays partial and the log says why.
void readSummary(store::Workbook& wb, WorkbookSummary& summary) {
    try {
        summary.schemaVersion = wb.schemaVersion();
        summary.counts = wb.tableCounts();
        summary.imports = wb.imports();
    } catch (const store::SqlError& e) {
        log::get("app")->error("cannot read the workbook summary: {}", e.message);
    }
}

// Runs on a worker; the connection is handed to the GUI thread afterwards (SQLite allows a
// connection to change threads as long as two threads never use it at once).
WorkbookDocument::Loaded load(const QString& path) {
    WorkbookDocument::Loaded out;
    out.path = path;
    auto wb = store::Workbook::open(toStdString(path), store::Workbook::OpenMode::ReadWrite);
    // A workbook the user may not write (a read-only file or folder, e.g. one received by mail on
    // a read-only share) is still shown, read-only: changes are then refused with that reason.
    const QFileInfo info(path);
    if (!wb && wb.error().kind == ErrorKind::Workbook && (!info.isWritable() || !QFileInfo(info.absolutePath()).isWritable())) {
        log::get("app")->info("{} is read-only: opened for reading", toStdString(path));
        wb = store::Workbook::open(toStdString(path), store::Workbook::OpenMode::ReadOnly);
    }
    if (!wb) {
        out.error = wb.error();
        return out;
    }
    OpenStopwatch::instance().mark("file checked");
    out.workbook = std::make_shared<store::Workbook>(std::move(*wb));
    out.summary.path = path;
    readSummary(*out.workbook, out.summary);
    OpenStopwatch::instance().mark("summary read");
    return out;
}

}  // namespace

WorkbookDocument::WorkbookDocument(QObject* parent)
    : QObject(parent), m_undoStack(new QUndoStack(this)) {
    connect(&m_opener, &QFutureWatcher<Loaded>::finished, this, [this] {
        m_opening = false;
        Loaded loaded = m_opener.result();
        if (loaded.error) {
            log::get("app")->warn("cannot open {}: {}", toStdString(loaded.path),
                                  loaded.error->describe());
            emit openFailed(loaded.path, *loaded.error);
            return;
        }
        adopt(std::move(loaded));
    });
}

WorkbookDocument::~WorkbookDocument() = default;

void WorkbookDocument::openInBackground(const QString& path) {
    m_opening = true;
    const QString absolute = QFileInfo(path).absoluteFilePath();
    OpenStopwatch::instance().start(absolute);
    m_opener.setFuture(QtConcurrent::run(load, absolute));
    emit openingStarted(absolute);
}

Status WorkbookDocument::open(const QString& path) {
    Loaded loaded = load(QFileInfo(path).absoluteFilePath());
    if (loaded.error) return *loaded.error;
    adopt(std::move(loaded));
    return {};
}

Status WorkbookDocument::create(const QString& path) {
    const QString absolute = QFileInfo(path).absoluteFilePath();
    auto wb = store::Workbook::create(toStdString(absolute));
    if (!wb) return wb.takeError();
    log::get("app")->info("created workbook {}", toStdString(absolute));
    Loaded loaded;
    loaded.path = absolute;
    loaded.workbook = std::make_shared<store::Workbook>(std::move(*wb));
    loaded.summary.path = absolute;
    readSummary(*loaded.workbook, loaded.summary);
    adopt(std::move(loaded));
    return {};
}

void WorkbookDocument::adopt(Loaded loaded) {
    if (isOpen()) close();
    m_workbook = std::make_unique<store::Workbook>(std::move(*loaded.workbook));
    m_summary = std::move(loaded.summary);
    m_seenVersion = dataVersion();
    log::get("app")->info("opened workbook {}", toStdString(loaded.path));
    emit workbookOpened(loaded.path);
    OpenStopwatch::instance().mark("window updated");
}

void WorkbookDocument::close() {
    if (!isOpen()) return;
    m_undoStack->clear();
    m_workbook.reset();
    m_summary = {};
    m_seenVersion.reset();
    emit workbookClosed();
}

Status WorkbookDocument::write(const Write& write) {
    if (!m_workbook) return makeError(ErrorKind::Usage, "no workbook is open", "open a workbook first");
    const bool ownWriter = !m_backgroundWriter.isEmpty();
    Status st;
    {
        store::BusyTimeoutScope wait(m_workbook->db(), ownWriter ? 100 : std::min(store::busyTimeoutMs(), 1000));
        st = write(*m_workbook);
    }
    if (!st && ownWriter && store::isBusyError(st.error()))
        return makeError(ErrorKind::Workbook,
                         "the workbook is busy: " + toStdString(m_backgroundWriter) + " is storing its results",
                         "try again when it has finished (or cancel it); nothing was changed");
    return st;
}

void WorkbookDocument::notifyDataChanged() {
    if (!isOpen()) return;
    WorkbookSummary summary;
    summary.path = m_summary.path;
    m_seenVersion = dataVersion();  // before reading: a change made meanwhile is noticed later
    readSummary(*m_workbook, summary);
    m_summary = std::move(summary);
    emit dataChanged();
}

std::optional<qint64> WorkbookDocument::dataVersion() const {
    if (!m_workbook) return std::nullopt;
    auto v = m_workbook->db().dataVersion();
    return v ? std::optional<qint64>(*v) : std::nullopt;
}

bool WorkbookDocument::checkForExternalChanges() {
    const auto now = dataVersion();
    if (!now || now == m_seenVersion) return false;
    log::get("app")->info("{} was changed by another program", toStdString(m_summary.path));
    m_seenVersion = now;
    emit changedExternally();
    return true;
}

}  // namespace cw::app
