// clienting settings: show or change the analysis definitions stored in the workbook.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <iostream>

#include "cli/Commands.h"
#include "core/Text.h"
#include "core/Error.h"
#include "engine/settings/AnalysisSettings.h"
#include "store/Workbook.h"

namespace cw::cli {
namespace {

struct SettingsArgs {
    std::string workbook;
    std::vector<std::string> set;
    bool reset = false, asJson = false;
};

// KEY=VALUE, KEY may be dotted (loyalty_weights.recommend); VALUE is JSON when it parses
// (numbers, null) and text otherwise.
Status apply(nlohmann::json& j, const std::string& item) {
    const auto eq = item.find('=');
    if (eq == std::string::npos || eq == 0)
        return makeError(ErrorKind::Usage, "--set wants KEY=VALUE, not '" + item + "'",
                         "e.g. --set window_months=6 --set loyalty_weights.recommend=2");
    const std::string key = item.substr(0, eq), text = item.substr(eq + 1);
    nlohmann::json value;
    try {
        value = nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception&) {
        value = text;
    }
    nlohmann::json* node = &j;
    std::size_t start = 0;
    for (std::size_t dot; (dot = key.find('.', start)) != std::string::npos; start = dot + 1) {
        const auto part = key.substr(start, dot - start);
        if (!node->contains(part) || !(*node)[part].is_object())
            return makeError(ErrorKind::Usage, "unknown setting '" + key + "'", "clienting settings lists the keys");
        node = &(*node)[part];
    }
    const auto last = key.substr(start);
    if (!node->contains(last)) return makeError(ErrorKind::Usage, "unknown setting '" + key + "'", "clienting settings lists the keys");
    (*node)[last] = value;
    return {};
}

int runSettingsCommand(const SettingsArgs& a) {
    const bool writes = a.reset || !a.set.empty();
    auto wb = store::Workbook::open(a.workbook, writes ? store::Workbook::OpenMode::ReadWrite
                                                       : store::Workbook::OpenMode::ReadOnly);
    if (!wb) return fail(wb.error());
    auto current = a.reset ? Result<engine::AnalysisSettings>(engine::AnalysisSettings{}) : engine::AnalysisSettings::load(*wb);
    if (!current) return fail(current.error());
    auto j = nlohmann::json::parse(current->toJson());
    for (const auto& item : a.set)
        if (auto st = apply(j, item); !st) return fail(st.error());
    auto next = engine::AnalysisSettings::fromJson(j.dump());
    if (!next) return fail(next.error());
    if (writes)
        if (auto st = next->save(*wb); !st) return fail(st.error());
    const auto out = nlohmann::json::parse(next->toJson());
    if (a.asJson) {
        std::cout << out.dump(2) << '\n';
        return 0;
    }
    for (const auto& [k, v] : out.items()) {
        if (v.is_object())
            for (const auto& [k2, v2] : v.items())
                std::cout << text::printable(k, 100) << '.' << text::printable(k2, 100) << " = "
                          << text::printable(v2.dump(), 1000) << '\n';
        else
            std::cout << text::printable(k, 100) << " = " << text::printable(v.dump(), 1000) << '\n';
    }
    if (writes) std::cout << "(saved; run clienting analyze to apply)\n";
    return 0;
}

}  // namespace

void addSettingsCommand(CLI::App& app, Runner& run) {
    auto a = std::make_shared<SettingsArgs>();
    auto* cmd = app.add_subcommand("settings", "Show or change the analysis definitions stored in the workbook");
    addWorkbookOption(*cmd, a->workbook);
    cmd->add_option("--set", a->set, "KEY=VALUE (repeatable; dotted keys for loyalty_weights.*)");
    cmd->add_flag("--reset", a->reset, "Back to the documented defaults (before --set)");
    cmd->add_flag("--json", a->asJson, "Print the settings as JSON");
    cmd->callback([&run, a] { run = [a] { return runSettingsCommand(*a); }; });
}

}  // namespace cw::cli
