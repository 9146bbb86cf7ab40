#include "app/commands/WorkbookEditCommand.h"

#include <QApplication>
#include <QMessageBox>
#include <QUndoStack>

#include <spdlog/spdlog.h>

#include "app/widgets/Format.h"
#include "app/workbook/WorkbookDocument.h"
#include "core/Log.h"

namespace cw::app {

WorkbookEditCommand::WorkbookEditCommand(CommandId id, WorkbookDocument* document, const QString& text)
    : QUndoCommand(text), m_id(id), m_document(document) {}

Status WorkbookEditCommand::push(std::unique_ptr<WorkbookEditCommand> command, QWidget* messageParent) {
    command->m_messageParent = messageParent;
    if (auto st = command->run(false); !st) return st;
    command->m_applied = true;
    WorkbookDocument* document = command->m_document;
    document->undoStack()->push(command.release());
    return {};
}

Status WorkbookEditCommand::run(bool reverting) {
    auto st = m_document->write([&](store::Workbook& wb) { return reverting ? revert(wb) : apply(wb); });
    if (st) changed();
    return st;
}

void WorkbookEditCommand::runOrDrop(bool reverting) {
    const Status st = run(reverting);
    if (st) return;
    log::get("app")->error("{} of “{}” failed: {}", reverting ? "undo" : "redo", toStdString(text()),
                           st.error().describe());
    setObsolete(true);
    QMessageBox::warning(m_messageParent ? m_messageParent.data() : QApplication::activeWindow(), reverting ? QObject::tr("Undo") : QObject::tr("Redo"),
                         (reverting ? QObject::tr("“%1” could not be undone; the workbook stays as it is.\n\n%2")
                                    : QObject::tr("“%1” could not be redone; the workbook stays as it is.\n\n%2"))
                             .arg(text(), toQString(st.error().describe())));
}

void WorkbookEditCommand::redo() {
    if (m_applied) {
        m_applied = false;
        return;
    }
    runOrDrop(false);
}

void WorkbookEditCommand::undo() { runOrDrop(true); }

}  // namespace cw::app
