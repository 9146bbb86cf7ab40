// clienting segment: create, re-run and list segmentations (rules, score, k-means).
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>
#include <sstream>

#include "cli/Commands.h"
#include "core/Text.h"
#include "core/TextTable.h"
#include "core/Error.h"
#include "core/OutputFile.h"
#include "engine/Segmentation.h"
#include "engine/settings/WorkbookSettings.h"
#include "store/Workbook.h"

namespace cw::cli {
namespace {

struct SegmentArgs {
    std::string workbook, name, method, features, k = "auto", weights, definition, exportFeatures;
    int restarts = 10, kMin = 2, kMax = 8;
    std::uint64_t seed = 42;
    bool list = false, rerun = false, activate = false, suggest = false, asJson = false;
};

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::stringstream ss(s);
    for (std::string item; std::getline(ss, item, sep);)
        if (!item.empty()) out.push_back(item);
    return out;
}

Result<std::string> definitionFrom(const SegmentArgs& a) {
    if (!a.definition.empty()) return a.definition;
    nlohmann::json d{{"method", a.method}};
    if (a.method == "kmeans") {
        if (!a.features.empty()) d["features"] = split(a.features, ',');
        if (a.k == "auto") {
            d["k"] = "auto";
            d["k_min"] = a.kMin;
            d["k_max"] = a.kMax;
        } else {
            try {
                d["k"] = std::stoi(a.k);
            } catch (const std::exception&) {
                return makeError(ErrorKind::Usage, "--k must be a number or auto, not '" + a.k + "'");
            }
        }
        d["restarts"] = a.restarts;
        d["seed"] = a.seed;
    } else if (a.method == "score") {
        nlohmann::json w = nlohmann::json::object();
        for (const auto& item : split(a.weights, ',')) {
            const auto eq = item.find('=');
            if (eq == std::string::npos)
                return makeError(ErrorKind::Usage, "--weights wants METRIC=WEIGHT pairs, e.g. margin=2,loyalty=1");
            try {
                w[item.substr(0, eq)] = std::stod(item.substr(eq + 1));
            } catch (const std::exception&) {
                return makeError(ErrorKind::Usage, "the weight in '" + item + "' is not a number");
            }
        }
        d["weights"] = w;
    }
    return d.dump();
}

void printOutcome(const engine::SegmentationOutcome& o) {
    std::printf("segmentation '%s' (%s)  %s\n", text::printable(o.name, 100).c_str(), o.method.c_str(),
                o.qualityJson.c_str());
    std::vector<std::vector<std::string>> rows{{"segment", "customers"}};
    for (const auto& s : o.segments) rows.push_back({s.label, std::to_string(s.customers)});
    std::fputs(text::renderTable(rows, {}, text::kCellCap, "  ").c_str(), stdout);  // under the title
}

nlohmann::json toJson(const engine::SegmentationOutcome& o) {
    auto segs = nlohmann::json::array();
    for (const auto& s : o.segments)
        segs.push_back({{"label", s.label}, {"customers", s.customers}, {"definition", nlohmann::json::parse(s.definitionJson)}});
    return {{"id", o.id}, {"name", o.name}, {"method", o.method}, {"definition", nlohmann::json::parse(o.definitionJson)},
            {"quality", nlohmann::json::parse(o.qualityJson)}, {"segments", segs}};
}

int runSegmentCommand(const SegmentArgs& a) {
    const bool writes = !a.list && !a.suggest && a.exportFeatures.empty();
    auto wb = store::Workbook::open(a.workbook, writes ? store::Workbook::OpenMode::ReadWrite
                                                       : store::Workbook::OpenMode::ReadOnly);
    if (!wb) return fail(wb.error());
    auto& db = wb->db();
    try {
        if (a.list) {
            auto all = engine::listSegmentations(db);
            if (!all) return fail(all.error());
            auto active = engine::activeSegmentationName(db);
            if (!active) return fail(active.error());
            if (a.asJson) {
                auto j = nlohmann::json::array();
                for (const auto& o : *all) j.push_back(toJson(o));
                std::cout << nlohmann::json{{"active", *active ? nlohmann::json(**active) : nlohmann::json(nullptr)},
                                            {"segmentations", j}}
                                 .dump(2)
                          << '\n';
            } else {
                if (all->empty()) std::printf("no segmentations (create one with clienting segment --name NAME --method …)\n");
                for (const auto& o : *all) printOutcome(o);
                if (*active) std::printf("active: %s\n", text::printable(nlohmann::json(**active).dump(), 200).c_str());
            }
            return 0;
        }
        if (a.rerun) {
            auto all = engine::rerunSegmentations(db);
            if (!all) return fail(all.error());
            for (const auto& o : *all) printOutcome(o);
            return 0;
        }
        auto def = definitionFrom(a);
        if (!def) return fail(def.error());
        if (!a.exportFeatures.empty()) {
            auto x = engine::segmentationFeatures(db, *def);
            if (!x) return fail(x.error());
            auto file = OutputFile::create(a.exportFeatures);
            if (!file) return fail(file.error());
            std::FILE* f = file->stream();
            for (Eigen::Index i = 0; i < x->rows(); ++i)
                for (Eigen::Index j = 0; j < x->cols(); ++j) std::fprintf(f, "%.17g%c", (*x)(i, j), j + 1 == x->cols() ? '\n' : ',');
            if (auto st = file->commit(); !st) return fail(st.error());
            std::printf("%lld customers x %lld features -> %s\n", static_cast<long long>(x->rows()),
                        static_cast<long long>(x->cols()), a.exportFeatures.c_str());
            return 0;
        }
        if (a.suggest) {
            auto s = engine::suggestSegments(db, *def, a.kMin, a.kMax);
            if (!s) return fail(s.error());
            std::printf("%4s %12s %16s\n", "k", "silhouette", "inertia");
            for (std::size_t i = 0; i < s->k.size(); ++i)
                std::printf("%4d %12.4f %16.1f%s\n", s->k[i], s->silhouette[i], s->inertia[i], s->k[i] == s->suggestedK ? "  <- suggested" : "");
            return 0;
        }
        if (a.name.empty()) return fail(makeError(ErrorKind::Usage, "give the segmentation a --name"));
        // The segmentation and its activation are one unit: stored together or not at all.
        auto out = store::inOwnTransaction(db, [&](store::WriteTransaction& tx) -> Result<engine::SegmentationOutcome> {
            auto r = engine::runSegmentation(tx, a.name, *def);
            if (r && a.activate)
                if (auto st = engine::settings::write(tx, engine::settings::activeSegmentation(),
                                                      std::optional<std::string>(a.name));
                    !st)
                    return st.takeError();
            return r;
        });
        if (!out) return fail(out.error());
        if (a.asJson)
            std::cout << toJson(*out).dump(2) << '\n';
        else
            printOutcome(*out);
        return 0;
    } catch (const store::SqlError& e) {
        return fail(store::sqliteError(db, e));
    }
}

}  // namespace

void addSegmentCommand(CLI::App& app, Runner& run) {
    auto a = std::make_shared<SegmentArgs>();
    auto* cmd = app.add_subcommand("segment",
                                   "Create, re-run or list segmentations of the analysed customers "
                                   "(rules grid, goodness score, k-means)");
    addWorkbookOption(*cmd, a->workbook);
    cmd->add_option("--name", a->name, "Name of the segmentation to create or replace");
    cmd->add_option("--method", a->method, "rules | score | kmeans")->check(CLI::IsMember({"rules", "score", "kmeans"}));
    cmd->add_option("--features", a->features,
                    "k-means metrics, comma-separated (default revenue,margin,orders,recency_days,tenure_days,months_active)");
    cmd->add_option("--k", a->k, "Number of k-means clusters, or auto (silhouette)")->capture_default_str();
    cmd->add_option("--k-min", a->kMin, "Smallest k tried by auto")->capture_default_str();
    cmd->add_option("--k-max", a->kMax, "Largest k tried by auto")->capture_default_str();
    cmd->add_option("--restarts", a->restarts, "k-means restarts (best inertia wins)")->capture_default_str();
    cmd->add_option("--seed", a->seed, "Random seed")->capture_default_str();
    cmd->add_option("--weights", a->weights, "Score weights, e.g. margin=2,loyalty=1,recency_days=-1");
    cmd->add_option("--definition", a->definition, "A full definition as JSON instead of the options above");
    cmd->add_flag("--activate", a->activate, "Use it for the 'by segment' breakdowns");
    cmd->add_flag("--list", a->list, "List the stored segmentations");
    cmd->add_flag("--rerun", a->rerun, "Re-run every stored segmentation on the current metrics");
    cmd->add_flag("--suggest-k", a->suggest, "Print the silhouette for k = --k-min..--k-max (k-means)");
    cmd->add_option("--export-features", a->exportFeatures,
                    "Write the standardised k-means feature matrix of the definition as CSV (for comparisons)");
    cmd->add_flag("--json", a->asJson, "Print JSON");
    cmd->callback([&run, a, cmd] {
        if (!a->list && !a->rerun && a->method.empty() && a->definition.empty())
            throw CLI::ValidationError("segment", "give --method (or --definition), --list or --rerun");
        (void)cmd;
        run = [a] { return runSegmentCommand(*a); };
    });
}

}  // namespace cw::cli
