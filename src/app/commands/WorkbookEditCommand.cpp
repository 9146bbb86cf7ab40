#include "app/commands/WorkbookEditCommand.h"

#include <QMessageBox>
#include <QUndoStack>

#include <memory>

#include <spdlog/spdlog.h>

#include "app/widgets/Format.h"
#include "app/workbook/WorkbookDocument.h"
#include "core/Log.h"

namespace cw::app {

WorkbookEditCommand::WorkbookEditCommand(WorkbookDocument* document, const QString& text, Write apply, Write revert,
                                         std::function<void()> changed, QWidget* messageParent)
    : QUndoCommand(text),
      m_document(document),
      m_apply(std::move(apply)),
      m_revert(std::move(revert)),
      m_changed(std::move(changed)),
      m_messageParent(messageParent) {}

Status WorkbookEditCommand::push(WorkbookDocument* document, const QString& text, Write apply, Write revert,
                                 std::function<void()> changed, QWidget* messageParent) {
    std::unique_ptr<WorkbookEditCommand> command(new WorkbookEditCommand(
        document, text, std::move(apply), std::move(revert), std::move(changed), messageParent));
    if (auto st = command->run(command->m_apply); !st) return st;
    command->m_applied = true;
    document->undoStack()->push(command.release());
    return {};
}

Status WorkbookEditCommand::run(const Write& write) {
    auto* wb = m_document->workbook();
    if (!wb) return makeError(ErrorKind::Usage, "no workbook is open");
    if (auto st = write(*wb); !st) return st;
    if (m_changed) m_changed();
    return {};
}

void WorkbookEditCommand::runOrDrop(const Write& write, bool undoing) {
    const Status st = run(write);
    if (st) return;
    log::get("app")->error("{} of “{}” failed: {}", undoing ? "undo" : "redo", toStdString(text()),
                           st.error().describe());
    setObsolete(true);
    const QString why = toQString(st.error().describe());
    QMessageBox::warning(m_messageParent, undoing ? QObject::tr("Undo") : QObject::tr("Redo"),
                         (undoing ? QObject::tr("“%1” could not be undone; the workbook stays as it is.\n\n%2")
                                  : QObject::tr("“%1” could not be redone; the workbook stays as it is.\n\n%2"))
                             .arg(text(), why));
}

void WorkbookEditCommand::redo() {
    if (m_applied) {
        m_applied = false;
        return;
    }
    runOrDrop(m_apply, false);
}

void WorkbookEditCommand::undo() {
    runOrDrop(m_revert, true);
}

}  // namespace cw::app
