#include "app/commands/ChangeDefinitionsCommand.h"

#include "app/analysis/AnalysisWorkspace.h"

namespace cw::app {

ChangeDefinitionsCommand::ChangeDefinitionsCommand(WorkbookDocument* document, AnalysisWorkspace* workspace,
                                                   engine::AnalysisSettings before, engine::AnalysisSettings after)
    : WorkbookEditCommand(CommandId::ChangeDefinitions, document, QObject::tr("Change definitions")),
      m_workspace(workspace),
      m_before(std::move(before)),
      m_after(std::move(after)) {}

Status ChangeDefinitionsCommand::apply(store::Workbook& wb) { return m_after.save(wb); }
Status ChangeDefinitionsCommand::revert(store::Workbook& wb) { return m_before.save(wb); }
void ChangeDefinitionsCommand::changed() { m_workspace->analyze(); }

}  // namespace cw::app
