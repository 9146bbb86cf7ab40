// clienting new / info: create a workbook, describe one.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>

#include "cli/Commands.h"
#include "core/Text.h"
#include "store/Schema.h"
#include "store/Workbook.h"

namespace cw::cli {
namespace {

using nlohmann::json;

json importJson(const store::ImportSummary& s) {
    json details = json::parse(s.detailsJson, nullptr, false);
    json j = {{"id", s.id},         {"file", s.file},         {"table", s.table},
              {"profile", s.profile}, {"started_at", s.startedAt}, {"records", s.records},
              {"loaded", s.loaded}, {"rejected", s.rejected}, {"reasons", s.reasons}};
    if (details.is_object())
        for (const char* k : {"returns", "anonymous", "customers_created", "customers_updated", "managers_created",
                              "custom_fields", "dialect", "mapping", "warnings"})
            if (details.contains(k)) j[k] = details[k];
    return j;
}

int runInfo(const std::string& path, bool asJson) {
    auto wb = store::Workbook::open(path, store::Workbook::OpenMode::ReadOnly);
    if (!wb) return fail(wb.error());
    auto counts = wb->tableCounts();
    auto imports = wb->imports();
    if (asJson) {
        json j = {{"workbook", path}, {"schema_version", wb->schemaVersion()}, {"tables", counts},
                  {"imports", json::array()}};
        for (const auto& s : imports) j["imports"].push_back(importJson(s));
        std::cout << j.dump(2) << '\n';
        return 0;
    }
    std::printf("Workbook %s (schema %d)\n\nTables\n", text::printable(path, 1000).c_str(), wb->schemaVersion());
    for (const auto& [t, n] : counts) std::printf("  %-20s %12lld\n", t.c_str(), static_cast<long long>(n));
    std::printf("\nImports\n");
    if (imports.empty())
        std::printf("  none yet: clienting import -w %s --table transactions FILE\n", text::printable(path, 1000).c_str());
    for (const auto& s : imports) {
        std::printf("  #%lld %s -> %s (%s): %lld loaded, %lld rejected\n", static_cast<long long>(s.id),
                    text::printable(s.fileName, 200).c_str(), s.table.c_str(), s.startedAt.c_str(), static_cast<long long>(s.loaded),
                    static_cast<long long>(s.rejected));
        for (const auto& [r, n] : s.reasons) std::printf("      %-22s %lld\n", r.c_str(), static_cast<long long>(n));
    }
    return 0;
}

}  // namespace

void addNewCommand(CLI::App& app, Runner& run) {
    auto* cmd = app.add_subcommand("new", "Create an empty workbook");
    auto path = std::make_shared<std::string>();
    addWorkbookOption(*cmd, *path);
    cmd->callback([&run, path] {
        run = [path] {
            auto wb = store::Workbook::create(*path);
            if (!wb) return fail(wb.error());
            std::printf("created %s (schema %d)\n", path->c_str(), store::currentSchemaVersion());
            return 0;
        };
    });
}

void addInfoCommand(CLI::App& app, Runner& run) {
    auto* cmd = app.add_subcommand("info", "Describe a workbook: tables, row counts, imports");
    auto path = std::make_shared<std::string>();
    auto asJson = std::make_shared<bool>(false);
    addWorkbookOption(*cmd, *path);
    cmd->add_flag("--json", *asJson, "Print one JSON object");
    cmd->callback([&run, path, asJson] { run = [path, asJson] { return runInfo(*path, *asJson); }; });
}

}  // namespace cw::cli
