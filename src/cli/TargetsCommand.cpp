// clienting targets: set, import, list and remove the targets of the indicators per node and
// period (docs/indicators.md). An import stores every line of the file or none.
#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

#include "cli/Commands.h"
#include "core/CivilTime.h"
#include "core/Error.h"
#include "core/Text.h"
#include "core/TextTable.h"
#include "engine/load/KpiTargets.h"
#include "store/Database.h"
#include "store/Workbook.h"
#include "store/csv/ValueParser.h"

namespace cw::cli {
namespace {

struct TargetsArgs {
    std::string workbook, importFile, set, remove, node, period = "month", start, format = "table";
    bool list = false;
};

std::string nodeCode(const engine::ManagerTree& tree, std::int64_t id) {
    if (id == 0) return "";
    if (auto n = tree.hierarchy.node(id)) return tree.managers[*n].code;
    return std::to_string(id);
}

int list(store::Workbook& wb, const engine::ManagerTree& tree, const TargetsArgs& a) {
    std::optional<std::int64_t> nodeId;
    if (!a.node.empty()) {
        auto n = tree.node(a.node);
        if (!n) return fail(n.error());
        nodeId = tree.managers[*n].id;
    }
    std::vector<store::KpiTarget> targets;
    try {
        targets = store::readTargets(wb.db(), nodeId);
    } catch (const store::SqlError& e) {
        return fail(store::sqliteError(wb.db(), e));
    }
    if (a.format == "csv") {
        std::cout << "indicator,node,period,start,target,set_at,set_by\n";
        for (const auto& t : targets)
            std::cout << t.indicator << ',' << text::csvField(text::neutralizeFormula(nodeCode(tree, t.nodeId))) << ','
                      << t.period << ',' << formatDate(t.startDay) << ',' << text::csvNumber(t.target) << ','
                      << t.setAt << ',' << text::csvField(text::neutralizeFormula(t.setBy)) << '\n';
        return 0;
    }
    std::vector<std::vector<std::string>> rows{{"indicator", "node", "period", "start", "target", "set at"}};
    for (const auto& t : targets)
        rows.push_back({t.indicator, t.nodeId ? nodeCode(tree, t.nodeId) : "(company)", t.period, formatDate(t.startDay),
                        text::csvNumber(t.target), t.setAt});
    std::cout << text::renderTable(rows, {text::Align::Left, text::Align::Left, text::Align::Left, text::Align::Left});
    if (targets.empty()) std::cout << "no targets set\n";
    return 0;
}

int runTargetsCommand(const TargetsArgs& a) {
    const bool writes = !a.importFile.empty() || !a.set.empty() || !a.remove.empty();
    auto wb = store::Workbook::open(a.workbook, writes ? store::Workbook::OpenMode::ReadWrite
                                                       : store::Workbook::OpenMode::ReadOnly);
    if (!wb) return fail(wb.error());
    auto tree = engine::loadManagerTree(wb->db(), engine::CustomerCounts::No);
    if (!tree) return fail(tree.error());
    if (!writes) return list(*wb, *tree, a);

    std::vector<store::KpiTarget> targets;
    if (!a.importFile.empty()) {
        auto read = engine::readTargetsFile(a.importFile, *tree);
        if (!read) return fail(read.error());
        targets = std::move(*read);
    } else if (!a.set.empty()) {
        const auto eq = a.set.find('=');
        const auto value = eq == std::string::npos ? std::nullopt : store::csv::parseNumber(a.set.substr(eq + 1));
        if (!value)
            return fail(makeError(ErrorKind::Usage, "--set " + text::printable(a.set) + " is not INDICATOR=VALUE",
                                  "for example --set retention_rate=85 --period quarter --start 2025-Q4"));
        auto t = engine::resolveTarget({a.set.substr(0, eq), a.node, a.period, a.start, *value}, *tree);
        if (!t) return fail(t.error());
        targets.push_back(std::move(*t));
    } else {
        auto t = engine::resolveTarget({a.remove, a.node, a.period, a.start, 0}, *tree);
        if (!t) return fail(t.error());
        auto removed = store::inOwnTransaction(wb->db(), [&](store::WriteTransaction& tx) -> Result<bool> {
            return store::deleteTarget(tx, t->indicator, t->nodeId, t->period, t->startDay);
        });
        if (!removed) return fail(removed.error());
        if (!*removed) return fail(makeError(ErrorKind::Usage, "no such target was set"));
        std::fprintf(stderr, "removed the target of %s\n", t->indicator.c_str());
        return 0;
    }
    auto stored = engine::storeTargets(*wb, targets);
    if (!stored) return fail(stored.error());
    std::fprintf(stderr, "stored %zu target%s\n", *stored, *stored == 1 ? "" : "s");
    return 0;
}

}  // namespace

void addTargetsCommand(CLI::App& app, Runner& run) {
    auto a = std::make_shared<TargetsArgs>();
    auto* cmd = app.add_subcommand("targets", "Targets of the indicators per node and period: set, import, list, remove");
    addWorkbookOption(*cmd, a->workbook);
    auto* imp = cmd->add_option("--import", a->importFile,
                                "CSV with the columns indicator, node (manager code; empty: the company), period "
                                "(month|quarter|year), start (2025-10, 2025-Q4, 2025 or a day in it), target");
    auto* set = cmd->add_option("--set", a->set, "INDICATOR=VALUE for --node, --period and --start");
    auto* rem = cmd->add_option("--remove", a->remove, "INDICATOR: remove its target for --node, --period and --start");
    imp->excludes(set)->excludes(rem);
    set->excludes(rem);
    cmd->add_option("--node", a->node, "Manager code (default: the company)");
    cmd->add_option("--period", a->period, "Period kind")
        ->check(CLI::IsMember({"month", "quarter", "year"}))
        ->capture_default_str();
    cmd->add_option("--start", a->start, "The period: 2025-10, 2025-Q4, 2025 or any day in it (YYYY-MM-DD)");
    cmd->add_option("--format", a->format, "Listing format")->check(CLI::IsMember({"table", "csv"}))->capture_default_str();
    cmd->callback([&run, a] { run = [a] { return runTargetsCommand(*a); }; });
}

}  // namespace cw::cli
