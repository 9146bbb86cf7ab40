#include "app/report/ReportNodesJob.h"

#include "app/widgets/Format.h"
#include "engine/load/KpiValues.h"

namespace cw::app {

void ReportNodesJob::start(const QString& workbookPath) {
    launchOnWorkbook<ReportNodes>(
        toStdString(workbookPath), store::Workbook::OpenMode::ReadOnly,
        [](store::Workbook& wb, const ProgressFn&) -> Result<ReportNodes> {
            auto tree = engine::loadManagerTree(wb.db(), engine::CustomerCounts::No);
            if (!tree) return tree.takeError();
            ReportNodes nodes;
            for (std::size_t node : tree->hierarchy.preorder()) {
                const auto& m = tree->managers[node];
                QString label = QString(tree->hierarchy.depth(node) * 3, QLatin1Char(' ')) + toQString(m.code);
                if (!m.name.empty()) label += QStringLiteral(" — ") + toQString(m.name);
                if (!m.level.empty()) label += QStringLiteral(" (%1)").arg(toQString(m.level));
                nodes.codes << toQString(m.code);
                nodes.labels << label;
            }
            return nodes;
        });
}

void ReportNodesJob::completed(Outcome out) {
    if (cancelRequested()) return;
    if (out.report)
        emit loaded(out.report->codes, out.report->labels);
    else if (out.error)
        emit failed(toQString(out.error->describe()));
}

}  // namespace cw::app
