// clienting import / rejects / profiles.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <iostream>

#include "cli/Commands.h"
#include "cli/ProgressLine.h"
#include "core/Text.h"
#include "core/TextTable.h"
#include "store/Importer.h"
#include "store/MappingProfile.h"
#include "store/Workbook.h"

namespace cw::cli {
namespace {

using nlohmann::json;

struct ImportArgs {
    std::string workbook, table = "transactions", file, rejectsOut;
    std::vector<std::string> maps, valueMaps;
    std::string attributes, scale, overallScale, header;
    std::vector<std::string> naValues;
    bool asJson = false, preview = false, quiet = false;
    store::ImportOptions opt;
};

Error usage(std::string msg, std::string hint = {}) { return makeError(ErrorKind::Usage, std::move(msg), std::move(hint)); }

std::optional<std::pair<double, double>> parseScale(const std::string& s) {
    auto dash = s.find('-', 1);
    if (dash == std::string::npos) return std::nullopt;
    try {
        return std::make_pair(std::stod(s.substr(0, dash)), std::stod(s.substr(dash + 1)));
    } catch (...) {
        return std::nullopt;
    }
}

Status buildOptions(ImportArgs& a) {
    auto& o = a.opt;
    auto t = store::parseTargetTable(a.table);
    if (!t) return usage("unknown table \"" + a.table + "\"",
                         "use transactions, customers, managers, survey, cost_to_serve or notes");
    o.table = *t;
    o.file = a.file;
    for (const auto& m : a.maps) {
        auto eq = m.find('=');
        if (eq == std::string::npos || eq == 0) return usage("--map needs FIELD=COLUMN, got \"" + m + "\"");
        o.map[m.substr(0, eq)] = m.substr(eq + 1);
    }
    for (const auto& vm : a.valueMaps)  // field:Text=1,"Other text"=0  or  channel:1=Horeca,2=Retail
        if (auto st = store::addValueMap(vm, o.valueMaps); !st) return st.takeError();
    if (!a.attributes.empty()) o.attributes = store::splitList(a.attributes);
    if (!a.scale.empty() && !(o.scale = parseScale(a.scale))) return usage("--scale needs LOW-HIGH, e.g. 0-5");
    if (!a.overallScale.empty() && !(o.overallScale = parseScale(a.overallScale)))
        return usage("--overall-scale needs LOW-HIGH, e.g. 1-10");
    for (const auto& na : a.naValues) {
        o.naTexts.push_back(na);
        char* end = nullptr;
        const double v = std::strtod(na.c_str(), &end);  // a number: also the survey's "not applicable" score
        if (!na.empty() && end && *end == '\0') o.naValue = v;
    }
    if (a.header == "yes") o.header = true;
    else if (a.header == "no") o.header = false;
    else if (!a.header.empty() && a.header != "auto") return usage("--header takes yes, no or auto");
    return {};
}

json reportJson(const store::ImportReport& r) {
    return {{"import_id", r.importId}, {"file", r.file},        {"table", r.table},
            {"profile", r.profile},    {"dialect", r.dialect},  {"records", r.records},
            {"loaded", r.loaded},      {"rejected", r.rejected}, {"returns", r.returns},
            {"anonymous", r.anonymous}, {"customers_created", r.customersCreated},
            {"customers_updated", r.customersUpdated}, {"managers_created", r.managersCreated},
            {"custom_fields", r.customFields}, {"reasons", r.reasons}, {"mapping", r.mapping},
            {"warnings", r.warnings}, {"seconds", r.seconds}};
}

void printReport(const store::ImportReport& r) {
    std::printf("import #%lld: %s -> %s (profile %s; %s)\n", static_cast<long long>(r.importId),
                text::printable(r.file, 1000).c_str(),
                r.table.c_str(), r.profile.c_str(), r.dialect.c_str());
    std::printf("  records    %12lld\n  loaded     %12lld\n  rejected   %12lld\n", static_cast<long long>(r.records),
                static_cast<long long>(r.loaded), static_cast<long long>(r.rejected));
    if (r.table == "transactions")
        std::printf("  returns    %12lld\n  anonymous  %12lld\n", static_cast<long long>(r.returns),
                    static_cast<long long>(r.anonymous));
    if (r.customersCreated || r.customersUpdated)
        std::printf("  customers  %12lld created, %lld updated\n", static_cast<long long>(r.customersCreated),
                    static_cast<long long>(r.customersUpdated));
    if (r.managersCreated)
        std::printf("  managers   %12lld created\n", static_cast<long long>(r.managersCreated));
    if (r.customFields) std::printf("  custom fields %9lld\n", static_cast<long long>(r.customFields));
    for (const auto& [reason, n] : r.reasons)
        std::printf("  rejected: %-20s %lld\n", reason.c_str(), static_cast<long long>(n));
    for (const auto& w : r.warnings) std::printf("  warning: %s\n", text::printable(w, 1000).c_str());
    std::printf("  %.2f s\n", r.seconds);
}

int runPreview(ImportArgs& a) {
    auto pv = store::previewImport(a.opt, 10);
    if (!pv) return fail(pv.error());
    std::printf("dialect: %s\n\n", pv->dialect.c_str());
    std::vector<std::vector<std::string>> columns{{"#", "column", "read as"}};
    for (std::size_t i = 0; i < pv->header.size(); ++i)
        columns.push_back({std::to_string(i + 1), pv->header[i], pv->columnRoles[i]});
    std::fputs(text::renderTable(columns, {text::Align::Right, text::Align::Left, text::Align::Left}).c_str(), stdout);
    // The first records as the import would store them (a rejected one: its reason instead).
    std::vector<std::vector<std::string>> rows{{"row"}};
    for (const auto& c : pv->parsedColumns) rows[0].push_back(c);
    rows[0].push_back("status");
    for (std::size_t i = 0; i < pv->rows.size(); ++i) {
        std::vector<std::string> row{std::to_string(i + 1)};
        for (std::size_t c = 0; c < pv->parsedColumns.size(); ++c)
            row.push_back(i < pv->parsed.size() && c < pv->parsed[i].size() ? pv->parsed[i][c] : "");
        row.push_back(pv->rowStatus[i]);
        rows.push_back(std::move(row));
    }
    std::vector<text::Align> align(rows[0].size(), text::Align::Left);
    align[0] = text::Align::Right;
    std::printf("\n");
    std::fputs(text::renderTable(rows, align, 40).c_str(), stdout);
    for (const auto& w : pv->warnings) std::printf("warning: %s\n", text::printable(w, 1000).c_str());
    return 0;
}

int runImport(ImportArgs& a) {
    if (auto st = buildOptions(a); !st) return fail(st.error());
    if (a.preview) return runPreview(a);
    auto wb = store::Workbook::open(a.workbook);
    if (!wb) return fail(wb.error());
    ProgressLine line(a.quiet || a.asJson);
    ProgressFn progress = [&](const ProgressInfo& p) {
        if (p.total > 0) line.show(p);
        return true;
    };
    auto rep = store::importFile(*wb, a.opt, progress);
    line.clear();
    if (!rep) return fail(rep.error());
    if (a.asJson) std::cout << reportJson(*rep).dump(2) << '\n';
    else printReport(*rep);
    if (!a.rejectsOut.empty())
        if (auto st = store::writeRejectsCsv(*wb, rep->importId, a.rejectsOut); !st) {
            // The import is committed: say so, and how to get the rejects file once there is room.
            Error e = st.takeError();
            const std::string id = std::to_string(rep->importId);
            e.hint = (e.hint.empty() ? "" : e.hint + "; ") + "the import itself was stored (import #" + id + "); write its rejects again with: clienting rejects -w " +
                     a.workbook + " --import " + id + " -o " + a.rejectsOut;
            return fail(e);
        }
    return 0;
}

}  // namespace

void addImportCommand(CLI::App& app, Runner& run) {
    auto a = std::make_shared<ImportArgs>();
    auto* cmd = app.add_subcommand("import", "Import a CSV file into a workbook table (all or nothing)");
    addWorkbookOption(*cmd, a->workbook);
    cmd->add_option("file", a->file, "CSV or delimited text file")->required();  // checked by the import: its errors have the documented form
    cmd->add_option("-t,--table", a->table, "transactions | customers | managers | survey | cost_to_serve | notes")
        ->capture_default_str();
    cmd->add_option("-p,--profile", a->opt.profile, "Mapping profile name or .json path (see 'clienting profiles')");
    cmd->add_option("-m,--map", a->maps, "FIELD=COLUMN (repeatable; wins over the profile; #N = N-th column)");
    cmd->add_option("--delimiter", a->opt.delimiter, "auto | , | ; | tab | | | whitespace");
    cmd->add_option("--encoding", a->opt.encoding, "auto | utf-8 | windows-1252");
    cmd->add_option("--date-format", a->opt.dateFormat, "auto | d/m/Y | m/d/Y | Y-m-d");
    cmd->add_option("--header", a->header, "yes | no | auto");
    cmd->add_option("--attributes", a->attributes, "Survey: service-attribute columns, comma-separated");
    cmd->add_option("--scale", a->scale, "Survey: attribute score scale LOW-HIGH (e.g. 0-5)");
    cmd->add_option("--overall-scale", a->overallScale, "Survey: overall satisfaction scale LOW-HIGH");
    cmd->add_option("--na-value", a->naValues,
                    "A cell text meaning 'no value' in any column, e.g. ? or NA (repeatable); a number is "
                    "also the survey's 'not applicable' score");
    cmd->add_option("--value-map", a->valueMaps,
                    "FIELD:TEXT=VALUE,… reads a field's (or column's) texts as other values: answers as numbers "
                    "(overall:Satisfied=1), codes as labels (channel:1=Horeca); repeatable");
    cmd->add_flag("--replace", a->opt.replace, "Replace the rows of an earlier import of the same file");
    cmd->add_option("--max-reject-share", a->opt.maxRejectShare,
                    "Fail (store nothing) when more than this share of records is rejected")
        ->capture_default_str();
    cmd->add_option("--rejects-out", a->rejectsOut, "Write the rejected records' reasons to this CSV");
    cmd->add_flag("--preview", a->preview, "Show how the first rows would be read; store nothing");
    cmd->add_flag("--json", a->asJson, "Print the import report as JSON");
    cmd->add_flag("-q,--quiet", a->quiet, "No progress on stderr");
    cmd->callback([&run, a] { run = [a] { return runImport(*a); }; });
}

void addRejectsCommand(CLI::App& app, Runner& run) {
    auto* cmd = app.add_subcommand("rejects", "Write the rejected records of an import as CSV");
    auto path = std::make_shared<std::string>();
    auto id = std::make_shared<std::int64_t>(0);
    auto out = std::make_shared<std::string>("-");
    addWorkbookOption(*cmd, *path);
    cmd->add_option("--import", *id, "Import number (see 'clienting info'); default: the last")->capture_default_str();
    cmd->add_option("-o,--out", *out, "Output CSV file (- for stdout)");
    cmd->callback([&run, path, id, out] {
        run = [path, id, out] {
            auto wb = store::Workbook::open(*path, store::Workbook::OpenMode::ReadOnly);
            if (!wb) return fail(wb.error());
            std::int64_t which = *id;
            if (which == 0) {
                auto imports = wb->imports();
                if (imports.empty()) return fail(makeError(ErrorKind::Usage, "the workbook has no imports"));
                which = imports.back().id;
            }
            auto st = store::writeRejectsCsv(*wb, which, *out);
            return st ? 0 : fail(st.error());
        };
    });
}

void addProfilesCommand(CLI::App& app, Runner& run) {
    auto* cmd = app.add_subcommand("profiles", "List the column-mapping profiles (shipped and saved)");
    auto asJson = std::make_shared<bool>(false);
    cmd->add_flag("--json", *asJson, "Print JSON");
    cmd->callback([&run, asJson] {
        run = [asJson] {
            auto all = store::availableProfiles();
            if (*asJson) {
                json j = json::array();
                for (const auto& p : all) j.push_back(json::parse(p.toJson()));
                std::cout << j.dump(2) << '\n';
                return 0;
            }
            for (const auto& p : all) std::printf("%-24s %-14s %s\n", p.name.c_str(), p.table.c_str(), p.title.c_str());
            std::printf("\nSave your own as JSON in %s\n", store::defaultUserProfileDir().c_str());
            return 0;
        };
    });
}

}  // namespace cw::cli
