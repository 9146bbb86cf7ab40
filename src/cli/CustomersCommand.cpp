// clienting customers: the drill-down list behind the matrices and alerts (read-only).
#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

#include "cli/Commands.h"
#include "core/Error.h"
#include "engine/load/CustomerList.h"
#include "engine/matrix/MatrixSpec.h"
#include "store/Workbook.h"

namespace cw::cli {
namespace {

struct CustomersArgs {
    std::string workbook, matrix, quadrant, sort, format = "table";
    std::vector<std::string> filters;
    bool exits = false, profitableExits = false, anorexic = false;
    std::int64_t limit = 0;
};

Result<engine::CustomerListQuery> query(const CustomersArgs& a) {
    engine::CustomerListQuery q;
    if (!a.matrix.empty()) {
        auto spec = engine::findMatrixSpec(a.matrix);
        if (!spec) return spec.takeError();
        q.matrix = *spec;
    }
    if (!a.quadrant.empty()) q.quadrant = a.quadrant;
    q.flag = a.exits             ? engine::CustomerFlag::Exits
             : a.profitableExits ? engine::CustomerFlag::ProfitableExits
             : a.anorexic        ? engine::CustomerFlag::Anorexic
                                 : engine::CustomerFlag::All;
    for (const auto& text : a.filters) {
        auto f = engine::MatrixFilter::parse(text);
        if (!f) return f.takeError();
        q.filters.push_back(*f);
    }
    q.sort = a.sort;
    q.limit = a.limit;
    return q;
}

int runCustomersCommand(const CustomersArgs& a) {
    auto q = query(a);
    if (!q) return fail(q.error());
    auto wb = store::Workbook::open(a.workbook, store::Workbook::OpenMode::ReadOnly);
    if (!wb) return fail(wb.error());
    auto list = engine::listCustomers(*wb, *q);
    if (!list) return fail(list.error());
    if (a.format == "json")
        std::cout << engine::customersToJson(*list) << '\n';
    else if (a.format == "csv")
        std::cout << engine::customersToCsv(*list);
    else
        std::cout << engine::customersToText(*list);
    return 0;
}

}  // namespace

void addCustomersCommand(CLI::App& app, Runner& run) {
    auto a = std::make_shared<CustomersArgs>();
    auto* cmd = app.add_subcommand("customers",
                                   "List customers: a matrix quadrant, exits, profitable exits or "
                                   "anorexic customers, with their evidence");
    addWorkbookOption(*cmd, a->workbook);
    auto* matrix =
        cmd->add_option("--matrix", a->matrix, "A customer matrix: adds its axes and quadrant");
    cmd->add_option("--quadrant", a->quadrant,
                    "Only this quadrant, e.g. \"true friends\" or \"insufficient data\"")
        ->needs(matrix);
    auto* exits = cmd->add_flag("--exits", a->exits, "Customers judged gone");
    auto* profitable = cmd->add_flag("--profitable-exits", a->profitableExits,
                                     "Exits from the top profitability tier");
    auto* anorexic =
        cmd->add_flag("--anorexic", a->anorexic, "Active customers whose spend or frequency fell");
    exits->excludes(profitable)->excludes(anorexic);
    profitable->excludes(anorexic);
    cmd->add_option("--filter", a->filters,
                    "FIELD=VALUE (segment, channel, region, manager); repeatable");
    cmd->add_option("--sort", a->sort, "COLUMN[:asc|:desc] (default margin:desc)");
    cmd->add_option("--limit", a->limit, "At most N customers (0: all)")
        ->check(CLI::NonNegativeNumber);
    cmd->add_option("--format", a->format, "Output format")
        ->check(CLI::IsMember({"table", "csv", "json"}))
        ->capture_default_str();
    cmd->callback([&run, a] { run = [a] { return runCustomersCommand(*a); }; });
}

}  // namespace cw::cli
