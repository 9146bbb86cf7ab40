#pragma once
// The base of every user edit of the open workbook: an undo command whose do and undo are two
// writes through the document (WorkbookDocument::write). The first apply runs before the command
// reaches the undo stack: an edit the workbook refuses (a taken name, a read-only file, a busy
// workbook) never becomes an undo step and its error goes back to the caller, which shows it. A
// later undo or redo that fails is shown to the user, and the command leaves the stack (Qt drops
// an obsolete command) rather than pretend the workbook is in a state it is not. Each command is
// a subclass in a file of its own with its id from CommandId.
#include <QPointer>
#include <QString>
#include <QUndoCommand>

#include <memory>

#include "app/commands/CommandId.h"
#include "core/Result.h"

class QWidget;

namespace cw::store {
class Workbook;
}

namespace cw::app {

class WorkbookDocument;

class WorkbookEditCommand : public QUndoCommand {
public:
    /// Applies `command` once and, when that worked, pushes it on the document's undo stack;
    /// `messageParent` parents the warning of a failed undo or redo (the active window when null). Errors: no workbook open, or
    /// what the apply returned (nothing is pushed then).
    static Status push(std::unique_ptr<WorkbookEditCommand> command, QWidget* messageParent);

    int id() const final { return static_cast<int>(m_id); }
    CommandId commandId() const { return m_id; }
    void redo() final;
    void undo() final;

protected:
    WorkbookEditCommand(CommandId id, WorkbookDocument* document, const QString& text);
    /// The edit and its reverse, on the GUI thread's connection inside document()->write().
    virtual Status apply(store::Workbook& wb) = 0;
    virtual Status revert(store::Workbook& wb) = 0;
    /// After every successful apply or revert (reload what shows the edited data).
    virtual void changed() {}
    WorkbookDocument* document() const { return m_document; }

private:
    Status run(bool reverting);
    void runOrDrop(bool reverting);

    CommandId m_id;
    WorkbookDocument* m_document;
    QPointer<QWidget> m_messageParent;
    bool m_applied = false;  ///< the first apply ran before the push: its redo() has nothing to do
};

}  // namespace cw::app
