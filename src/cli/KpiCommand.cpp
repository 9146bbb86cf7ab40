// clienting kpi: the key management indicators of a node of the managers' hierarchy (default: the
// whole company) for each period, with the change against the previous period and the year
// before, and targets. Reads what `analyze` stored; read-only.
#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

#include "cli/Commands.h"
#include "core/CivilTime.h"
#include "core/Error.h"
#include "core/Text.h"
#include "engine/load/KpiValues.h"
#include "engine/settings/AnalysisSettings.h"
#include "store/AnalysisResults.h"
#include "store/Database.h"
#include "store/Segmentations.h"
#include "engine/settings/WorkbookSettings.h"
#include "store/Workbook.h"

namespace cw::cli {
namespace {

struct KpiArgs {
    std::string workbook, node, period = "month", from, to, by, format = "table", rank = "margin";
    bool all = false, children = false;
};

// The children of a node (of the company: the top managers) side by side for one period: the
// latest, or the one holding --to; ranked by --rank in its good direction.
int children(store::Database& db, const engine::ManagerTree& tree, std::int64_t nodeId, engine::kpi::PeriodKind kind,
             std::optional<std::int32_t> to, const KpiArgs& a, const std::string& currency) {
    const auto rank = engine::kpi::findIndicator(a.rank);
    if (!rank) return fail(makeError(ErrorKind::Usage, "no indicator is called " + text::printable(a.rank)));
    std::vector<std::size_t> nodes;
    if (nodeId == 0) nodes = tree.hierarchy.roots();
    else nodes = tree.hierarchy.children(*tree.hierarchy.node(nodeId));
    if (nodes.empty())
        return fail(makeError(ErrorKind::Usage, engine::nodeLabel(tree, nodeId) + " has no managers below it",
                              "run it without --children for the node's own figures"));
    std::vector<engine::kpi::KpiBlock> blocks;
    for (auto n : nodes) {
        const auto id = tree.hierarchy.id(n);
        auto series = engine::loadKpiSeries(db, id, 0, kind);
        if (!series) return fail(series.error());
        if (series->periods.empty()) continue;  // no customers below it
        if (auto st = engine::addPlanIndicators(db, tree, id, engine::todayDay(), *series); !st) return fail(st.error());
        std::size_t i = series->periods.size() - 1;
        if (to) {
            while (i > 0 && series->periods[i].start > *to) --i;
            if (series->periods[i].start > *to) continue;
        }
        blocks.push_back({engine::nodeLabel(tree, id), tree.managers[n].code, "", series->periods[i], series->figures(i)});
    }
    if (blocks.empty())
        return fail(makeError(ErrorKind::Input, "no indicators for the managers below this node",
                              "their nodes have no customers, or the range holds no period of the data"));
    engine::kpi::rankBlocks(blocks, *rank);
    using enum engine::kpi::IndicatorId;
    if (a.format == "json") std::cout << engine::kpi::kpiToJson(blocks, currency) << '\n';
    else if (a.format == "csv") std::cout << engine::kpi::kpiToCsv(blocks);
    else
        std::cout << engine::kpi::kpiSideBySideText(
            blocks, *rank, {Customers, Active, Revenue, Margin, RetentionRate, Satisfaction, Nps, Exits, Anorexic},
            currency);
    return 0;
}

int runKpiCommand(const KpiArgs& a) {
    // A lookup of stored values: it reads a few pages, which SQLite checks as it reads them,
    // instead of verifying the whole file first (seconds for a large workbook); every command
    // that writes checks it.
    auto wb = store::Workbook::open(a.workbook, store::Workbook::OpenMode::ReadOnly, store::Workbook::Integrity::Trust);
    if (!wb) return fail(wb.error());
    auto& db = wb->db();
    if (!store::hasKpiValues(db)) {
        // Analysed since the indicators exist, yet none: nothing to count them on.
        bool analysedWithIndicators = false;
        try {
            if (auto summary = store::readLastRunSummary(db))
                analysedWithIndicators = summary->find("\"indicator_rows\"") != std::string::npos;
        } catch (const store::SqlError&) {
        }
        if (analysedWithIndicators)
            return fail(makeError(ErrorKind::Input,
                                  "the last analysis found no customer to count the indicators on: no transaction "
                                  "or dated survey answer of a known customer",
                                  "import transactions with a customer id, or survey answers with a customer id "
                                  "and a date (clienting import --table survey --map customer_id=COLUMN --map date=COLUMN)"));
        return fail(makeError(ErrorKind::Input, "the workbook has no indicators yet",
                              "run `clienting analyze -w " + a.workbook + "` first"));
    }
    auto tree = engine::loadManagerTree(db, engine::CustomerCounts::No);
    if (!tree) return fail(tree.error());
    std::int64_t nodeId = 0;
    if (!a.node.empty()) {
        auto n = tree->node(a.node);
        if (!n) return fail(n.error());
        nodeId = tree->managers[*n].id;
    }
    const auto kind = *engine::kpi::parsePeriodKind(a.period);
    std::optional<std::int32_t> from, to;
    if (!a.from.empty()) {
        auto d = dayOption(a.from, "--from");
        if (!d) return fail(d.error());
        from = *d;
    }
    if (!a.to.empty()) {
        auto d = dayOption(a.to, "--to");
        if (!d) return fail(d.error());
        to = *d;
    }
    if (from && to && *to < *from) return fail(makeError(ErrorKind::Usage, "--to is before --from"));
    auto settings = engine::AnalysisSettings::load(*wb);
    if (!settings) return fail(settings.error());

    // Every customer, then each segment of the active segmentation with --by segment.
    std::vector<std::pair<std::int64_t, std::string>> segments{{0, ""}};
    if (a.by == "segment") {
        const auto active = engine::settings::readOr(db, engine::settings::activeSegmentation());
        if (!active)
            return fail(makeError(ErrorKind::Usage, "no segmentation is active",
                                  "activate one with `clienting segment activate NAME -w …`"));
        try {
            if (auto seg = store::readSegmentation(db, *active))
                for (const auto& s : store::readSegments(db, seg->id)) segments.push_back({s.id, s.label});
        } catch (const store::SqlError& e) {
            return fail(store::sqliteError(db, e));
        }
    }

    if (a.children) return children(db, *tree, nodeId, kind, to, a, settings->currencyLabel());

    std::vector<engine::kpi::KpiBlock> blocks;
    for (const auto& [segmentId, label] : segments) {
        auto series = engine::loadKpiSeries(db, nodeId, segmentId, kind);
        if (!series) return fail(series.error());
        // The plans belong to managers, not to segments: every customer's block only.
        if (segmentId == 0)
            if (auto st = engine::addPlanIndicators(db, *tree, nodeId, engine::todayDay(), *series); !st)
                return fail(st.error());
        std::vector<std::size_t> chosen;
        for (std::size_t i = 0; i < series->periods.size(); ++i) {
            const auto& p = series->periods[i];
            if ((from && p.end < *from) || (to && p.start > *to)) continue;
            chosen.push_back(i);
        }
        // Without a range, the latest period only (unless --all).
        if (!a.all && !from && !to && !chosen.empty()) chosen = {chosen.back()};
        for (auto i : chosen)
            blocks.push_back({engine::nodeLabel(*tree, nodeId), a.node, label, series->periods[i], series->figures(i)});
    }
    if (blocks.empty())
        return fail(makeError(ErrorKind::Input, "no indicators for this node and range",
                              "the node has no customers, or the range holds no period of the data"));
    const auto currency = settings->currencyLabel();
    if (a.format == "json") std::cout << engine::kpi::kpiToJson(blocks, currency) << '\n';
    else if (a.format == "csv") std::cout << engine::kpi::kpiToCsv(blocks);
    else std::cout << engine::kpi::kpiToText(blocks, currency);
    return 0;
}

}  // namespace

void addKpiCommand(CLI::App& app, Runner& run) {
    auto a = std::make_shared<KpiArgs>();
    auto* cmd = app.add_subcommand(
        "kpi", "Key management indicators of the company or of a manager's node, by period, with the change "
               "against the previous period and the year before, and targets (docs/indicators.md)");
    addWorkbookOption(*cmd, a->workbook);
    cmd->add_option("--node", a->node, "Manager code of the node (with everyone below it); default: the company");
    cmd->add_option("--period", a->period, "Period kind")
        ->check(CLI::IsMember({"month", "quarter", "year"}))
        ->capture_default_str();
    cmd->add_option("--from", a->from, "First day (YYYY-MM-DD): periods ending on or after it");
    cmd->add_option("--to", a->to, "Last day (YYYY-MM-DD): periods starting on or before it");
    cmd->add_flag("--all", a->all, "Every period (default: the latest, or those of --from/--to)");
    auto* by = cmd->add_option("--by", a->by, "Also each segment of the active segmentation")->check(CLI::IsMember({"segment"}));
    auto* children = cmd->add_flag("--children", a->children,
                                   "The managers just below the node (the top managers for the company) side by side, "
                                   "for the latest period or the one holding --to, ranked by --rank");
    children->excludes(by);
    cmd->add_option("--rank", a->rank, "With --children: the indicator to rank by, better first")->capture_default_str();
    cmd->add_option("--format", a->format, "Output format")
        ->check(CLI::IsMember({"table", "csv", "json"}))
        ->capture_default_str();
    cmd->callback([&run, a] { run = [a] { return runKpiCommand(*a); }; });
}

}  // namespace cw::cli
