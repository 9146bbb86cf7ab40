#pragma once
// An undoable edit of the open workbook given as two writes, `apply` and `revert` (engine or
// store calls that return a Status), so a dock's edits need no command class each. The first
// apply runs before the command reaches the undo stack: an edit the workbook refuses (a taken
// name, a read-only file) never becomes an undo step and its error goes back to the caller. A
// later undo or redo that fails is shown to the user, and the command leaves the stack (Qt drops
// an obsolete command) rather than pretend the workbook is in a state it is not.
#include <QPointer>
#include <QString>
#include <QUndoCommand>

#include <functional>

#include "core/Result.h"

class QWidget;

namespace cw::store {
class Workbook;
}

namespace cw::app {

class WorkbookDocument;

class WorkbookEditCommand : public QUndoCommand {
public:
    using Write = std::function<Status(store::Workbook&)>;

    /// Applies the edit once and, when that worked, pushes it on the document's undo stack;
    /// `changed` runs after every successful apply or revert (e.g. to reload the matrices), and
    /// `messageParent` parents the warning of a failed undo or redo. Errors: no workbook open,
    /// or what `apply` returned (nothing is pushed then).
    static Status push(WorkbookDocument* document, const QString& text, Write apply, Write revert,
                       std::function<void()> changed, QWidget* messageParent);

    void redo() override;
    void undo() override;

private:
    WorkbookEditCommand(WorkbookDocument* document, const QString& text, Write apply, Write revert,
                        std::function<void()> changed, QWidget* messageParent);
    Status run(const Write& write);
    void runOrDrop(const Write& write, bool undoing);

    WorkbookDocument* m_document;
    Write m_apply, m_revert;
    std::function<void()> m_changed;
    QPointer<QWidget> m_messageParent;
    bool m_applied = false;  ///< the first apply ran before the push: its redo() has nothing to do
};

}  // namespace cw::app
