#pragma once
// The ids of the user's edits, one enum for every undo command (QUndoCommand::id(), Tiled's
// UndoCommands): the undo stack merges only commands of the same id, and tests and the log name
// a command by it. A new command adds its id here and a file of its own in app/commands.
namespace cw::app {

enum class CommandId : int {
    SetThresholds = 1,          ///< a matrix's thresholds (dragged or typed)
    ChangeDefinitions,          ///< the analysis settings (then the analysis re-runs)
    SaveSelectionAsSegment,     ///< a selection stored as a segmentation
    ActivateSegmentation,       ///< which segmentation the breakdowns use
    RenameSegmentation,
    DeleteSegmentation,
    PinInsight,                 ///< a selection pinned as an insight
    DeleteInsight,
    SetKpiTarget,               ///< an indicator's target for a node and period (set or removed)
    // The portfolio dock (app/portfolio): alerts and account plans.
    SetAlertState,              ///< an alert acknowledged or snoozed
    CreateAccountPlan,
    DeleteAccountPlan,
    AddPlanObjective,
    AddPlanAction,
    SetPlanActionStatus,        ///< an action started, done or cancelled
    DeletePlanAction,
    EditPlanAction,             ///< an action's what, owner, due day or customer changed
};

}  // namespace cw::app
