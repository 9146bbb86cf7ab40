// clienting matrix: one of the five Clienting matrices of an analysed workbook, with its quadrant
// summary and an optional breakdown (read-only unless --save-thresholds).
#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

#include "cli/Commands.h"
#include "core/Error.h"
#include "engine/matrix/MatrixComputation.h"
#include "engine/matrix/MatrixFormat.h"
#include "engine/load/MatrixLoader.h"
#include "engine/settings/WorkbookSettings.h"
#include "store/Workbook.h"

namespace cw::cli {
namespace {

struct MatrixArgs {
    std::string workbook, name, by, xThreshold, yThreshold, format = "table";
    std::vector<std::string> filters;
    bool perGroup = false, save = false, points = false;
};

// The matrix options from the arguments; thresholds not given keep the saved ones.
Result<engine::MatrixOptions> options(const MatrixArgs& a, store::Workbook& wb,
                                      const engine::MatrixSpec& spec) {
    engine::MatrixOptions o;
    auto saved = engine::loadMatrixThresholds(wb, spec);
    if (!saved) return saved.takeError();
    o.thresholds = *saved;
    for (auto [text, axis] :
         {std::pair{&a.xThreshold, &o.thresholds.x}, std::pair{&a.yThreshold, &o.thresholds.y}}) {
        if (text->empty()) continue;
        auto t = engine::AxisThreshold::parse(*text);
        if (!t) return t.takeError();
        *axis = *t;
    }
    if (!a.by.empty()) {
        auto f = engine::parseGroupField(a.by);
        if (!f) return f.takeError();
        o.groupBy = *f;
    }
    o.perGroupThresholds = a.perGroup;
    for (const auto& text : a.filters) {
        auto f = engine::MatrixFilter::parse(text);
        if (!f) return f.takeError();
        o.filters.push_back(*f);
    }
    return o;
}

int runMatrixCommand(const MatrixArgs& a) {
    auto spec = engine::findMatrixSpec(a.name);
    if (!spec) return fail(spec.error());
    auto wb = store::Workbook::open(a.workbook, a.save ? store::Workbook::OpenMode::ReadWrite
                                                       : store::Workbook::OpenMode::ReadOnly);
    if (!wb) return fail(wb.error());
    auto opt = options(a, *wb, **spec);
    if (!opt) return fail(opt.error());
    auto input = engine::loadMatrixInput(*wb, (*spec)->kind, opt->groupBy, opt->filters);
    if (!input) return fail(input.error());
    auto result = engine::computeMatrix(**spec, *input, *opt);
    if (!result) return fail(result.error());
    if (a.save) {
        if (auto st = engine::saveMatrixThresholds(*wb, **spec, opt->thresholds); !st)
            return fail(st.error());
        std::fprintf(stderr, "saved thresholds as %s\n", engine::settings::matrixThresholds((**spec).name).key.c_str());
    }
    // The attribute matrix always lists its attributes; customer matrices their points on request.
    std::vector<engine::MatrixPointRow> points;
    if ((*spec)->points == engine::PointKind::Attribute) {
        auto stats = engine::loadAttributeStats(*wb);
        if (!stats) return fail(stats.error());
        points = engine::matrixPoints(*input, *result, *stats);
    } else if (a.points) {
        points = engine::matrixPoints(*input, *result);
    }
    if (a.format == "json")
        std::cout << engine::matrixToJson(*result, points) << '\n';
    else if (a.format == "csv")
        std::cout << engine::matrixToCsv(*result, points);
    else
        std::cout << engine::matrixToText(*result, points);
    return 0;
}

}  // namespace

void addMatrixCommand(CLI::App& app, Runner& run) {
    auto a = std::make_shared<MatrixArgs>();
    auto* cmd =
        app.add_subcommand("matrix",
                           "A Clienting matrix: quadrant counts and shares of customers, revenue "
                           "and margin, by segment, channel, region or manager");
    std::vector<std::string> names;
    for (const auto& s : engine::matrixSpecs()) names.push_back(s.name);
    cmd->add_option("name", a->name,
                    "importance-satisfaction, profitability-potential, "
                    "profitability-satisfaction, profitability-loyalty or satisfaction-loyalty")
        ->required()
        ->check(CLI::IsMember(names, CLI::ignore_case));
    addWorkbookOption(*cmd, a->workbook);
    cmd->add_option("--by", a->by, "Break down by segment, channel, region or manager")
        ->check(CLI::IsMember({"segment", "channel", "region", "manager"}));
    cmd->add_option("--filter", a->filters,
                    "FIELD=VALUE (segment, channel, region, manager); repeatable: different fields "
                    "all apply, values of one field any");
    cmd->add_option("--x-threshold", a->xThreshold,
                    "median, mean, a NUMBER or target:NUMBER (default: saved, else median)");
    cmd->add_option("--y-threshold", a->yThreshold,
                    "median, mean, a NUMBER or target:NUMBER (default: saved, else median)");
    cmd->add_flag("--per-group-thresholds", a->perGroup,
                  "With --by: median/mean within each group");
    cmd->add_flag("--save-thresholds", a->save,
                  "Save the thresholds in the workbook for this matrix");
    cmd->add_flag("--points", a->points,
                  "Customer matrices: list every point (id, code, x, y, quadrant); the "
                  "importance-satisfaction matrix always lists its attributes");
    cmd->add_option("--format", a->format, "Output format")
        ->check(CLI::IsMember({"table", "csv", "json"}))
        ->capture_default_str();
    cmd->callback([&run, a] { run = [a] { return runMatrixCommand(*a); }; });
}

}  // namespace cw::cli
