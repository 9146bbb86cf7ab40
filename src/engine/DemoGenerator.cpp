#include "engine/DemoGenerator.h"

#include <spdlog/spdlog.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <unordered_set>

#include "core/Log.h"
#include "engine/DemoAlerts.h"
#include "engine/DemoCatalog.h"
#include "engine/DemoFeedback.h"
#include "engine/DemoPopulation.h"
#include "engine/DemoRandom.h"
#include "engine/DemoTimeline.h"
#include "engine/DemoWriter.h"
#include "engine/settings/WorkbookSettings.h"
#include "store/AccountPlans.h"
#include "store/Workbook.h"

namespace cw::engine {
namespace {

using namespace demo;

// One random stream per purpose, each seeded once from the seed: changing how names or
// surveys are drawn does not change anyone's transactions. (Reseeding an mt19937_64 per
// customer would cost a tenth of the whole run.)
enum Stream : std::uint64_t { kTimelineStream = 1, kFeedbackStream = 2, kNameStream = 3 };
constexpr int kProgressEvery = 1000;

Error usage(std::string message, std::string hint) {
    return makeError(ErrorKind::Usage, std::move(message), std::move(hint));
}

Error cancelled() {
    return makeError(ErrorKind::Cancelled, "demo generation cancelled; nothing was written");
}

Status checkEmpty(store::Workbook& wb) {
    if (wb.readOnly())
        return makeError(ErrorKind::Workbook, "the workbook is open read-only",
                         "open it for writing to generate demo data");
    auto n = store::countDataRecords(wb.db());
    if (!n) return n.takeError();
    if (*n > 0)
        return usage(
            "the workbook already holds customers or other data; demo data goes into an "
            "empty workbook",
            "choose a new workbook path (clienting demo creates it)");
    return {};
}

std::string customerCode(std::int64_t n, int customers) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "C%0*lld", customers >= 1000000 ? 7 : 6,
                  static_cast<long long>(n));
    return buf;
}

double respondentChance(const Population& pop, const std::vector<std::int64_t>& waves,
                        double share) {
    std::int64_t eligible = 0;
    for (const auto& c : pop.customers)
        eligible +=
            std::any_of(waves.begin(), waves.end(), [&](auto w) { return canAnswer(c, w); });
    if (eligible == 0) return 0;
    return std::min(1.0, share * double(pop.customers.size()) / double(eligible));
}

std::string weightsJson(const std::vector<double>& weights) {
    std::vector<std::pair<std::string, double>> named;
    for (std::size_t k = 0; k < weights.size(); ++k) named.emplace_back(kAttributes[k].name, weights[k]);
    return settings::demoAttributeWeights().encode(named);
}

std::string detailsJson(const DemoOptions& o, const DemoSummary& s) {
    nlohmann::ordered_json j = {{"generator", "clienting demo"},
                                {"seed", o.seed},
                                {"customers", s.customers},
                                {"months", o.months},
                                {"end_date", o.endDate},
                                {"attributes", o.attributes},
                                {"survey_share", o.surveyShare},
                                {"managers", s.managers},
                                {"transactions", s.transactions},
                                {"survey_responses", s.surveyResponses},
                                {"churners", s.churners},
                                {"shrinking", s.shrinking},
                                {"notes", s.notes},
                                {"planted_alerts", s.plantedAlerts}};
    return j.dump();
}

// Writes everything inside the caller's transaction; returns false when cancelled.
bool writeAll(Population& pop, const DemoOptions& o, DemoWriter& w, DemoSummary& sum,
              const ProgressFn& progress) {
    std::vector<std::string> attributes;
    for (int k = 0; k < o.attributes; ++k) attributes.emplace_back(kAttributes[k].name);
    w.writeAttributes(attributes);
    w.writeManagers(pop.managers);
    const auto waves = surveyWaves(pop.cal);
    const double answerChance = respondentChance(pop, waves, o.surveyShare);
    const auto n = static_cast<std::int64_t>(pop.customers.size());
    std::vector<TxRow> rows;
    std::vector<SurveyAnswer> answers;
    std::vector<NoteDraft> notes;
    std::unordered_set<std::string> names;
    Rng naming(mixSeed(o.seed, 0, kNameStream)), rng(mixSeed(o.seed, 0, kTimelineStream)),
        talk(mixSeed(o.seed, 0, kFeedbackStream));
    auto planted = pop.planted.begin();
    for (std::int64_t i = 0; i < n; ++i) {
        if (progress && i % kProgressEvery == 0 && !progress({"writing", i, n})) return false;
        CustomerSpec& drawn = pop.customers[i];
        // A few namesakes are realistic (and exercise the audit); many are not.
        std::string name = companyName(naming);
        for (int retry = 0; retry < 10 && !names.insert(name).second; ++retry)
            name = companyName(naming);
        // A planted customer still draws what it was drawn with (and throws it away), so that the
        // shared streams, and every other customer, stay as they are without planted alerts.
        const bool plant = planted != pop.planted.end() && planted->customer == i;
        if (!generateTimeline(drawn, pop.cal, rng, rows)) drawn.shrinking = false;
        answers.clear();
        if (talk.chance(answerChance)) drawAnswers(drawn, waves, pop.attributeWeights, talk, answers);
        drawNotes(drawn, pop.cal, talk, notes);
        if (plant) plantedRecords(*planted, pop, o.seed, rows, answers, notes);
        CustomerSpec& c = plant ? planted->spec : drawn;
        w.writeCustomer(c, customerCode(i + 1, o.customers), name, pop.managers);
        w.writeTruth(c);
        w.writeTransactions(c, rows);
        w.writeAnswers(c, answers);
        w.writeNotes(c, pop.managers[c.manager].name, notes);
        sum.churners += c.churner;
        sum.shrinking += c.shrinking;
        if (plant) ++planted;
    }
    w.writeCostToServe();
    sum.managers = static_cast<std::int64_t>(pop.managers.size());
    sum.customers = n;
    sum.transactions = w.transactions();
    sum.surveyResponses = w.responses();
    sum.notes = w.notes();
    sum.plantedAlerts = static_cast<std::int64_t>(pop.planted.size());
    for (int m : pop.knownManagers) sum.alertManagers.push_back(pop.managers[std::size_t(m)].code);
    w.writeSetting(settings::demoAttributeWeights().key, weightsJson(pop.attributeWeights));
    w.finishImport(sum.transactions, detailsJson(o, sum));
    return !progress || progress({"writing", n, n});
}

// The account plans of the overdue actions and the list of every planted situation, written
// after the customers (they need their ids).
Status writePlantedAlerts(store::WriteTransaction& tx, const Population& pop, const DemoOptions& o) {
    std::vector<const PlantedCase*> cases;
    for (const auto& p : pop.planted) {
        cases.push_back(&p);
        if (p.kind == kpi::AlertKind::OverdueAction)
            if (auto id = store::insertPlan(tx, overduePlan(p, pop)); !id) return id.takeError();
    }
    // Listed by manager (codes ascend with the regions), then by kind.
    std::stable_sort(cases.begin(), cases.end(), [](const PlantedCase* a, const PlantedCase* b) {
        return a->manager != b->manager ? a->manager < b->manager : a->kind < b->kind;
    });
    std::vector<settings::PlantedAlert> list;
    for (const PlantedCase* p : cases)
        list.push_back({std::string(kpi::alertKey(p->kind)), customerCode(p->customer + 1, o.customers),
                        pop.managers[std::size_t(p->manager)].code});
    return settings::write(tx, settings::demoPlantedAlerts(), list);
}

}  // namespace

Status DemoOptions::validate() const {
    if (customers < 10 || customers > 2000000)
        return usage(
            "--customers must be between 10 and 2,000,000 (got " + std::to_string(customers) + ")",
            "pass e.g. --customers 2000");
    if (attributes < 8 || attributes > 12)
        return usage(
            "--attributes must be between 8 and 12 (got " + std::to_string(attributes) + ")",
            "pass e.g. --attributes 10");
    if (months < 12 || months > 120)
        return usage("--months must be between 12 and 120 (got " + std::to_string(months) + ")",
                     "pass e.g. --months 36");
    if (parseIsoDay(endDate) < 0)
        return usage("--end-date '" + endDate + "' is not a date in the form YYYY-MM-DD",
                     "pass e.g. --end-date 2025-12-31");
    if (!(surveyShare >= 0.0 && surveyShare <= 1.0))
        return usage("the survey share must be between 0 and 1", "pass a share such as 0.35");
    return {};
}

Result<DemoSummary> generateDemo(store::Workbook& wb, const DemoOptions& options,
                                 const ProgressFn& progress) {
    if (auto st = options.validate(); !st) return st.takeError();
    if (auto st = checkEmpty(wb); !st) return st.takeError();
    auto log = log::get("engine");
    const auto n = static_cast<std::int64_t>(options.customers);
    try {
        if (progress && !progress({"generating", 0, n})) return cancelled();
        Rng rng(options.seed);
        Population pop = buildPopulation(options, rng);
        if (progress && !progress({"generating", n, n})) return cancelled();

        auto tx = store::WriteTransaction::begin(wb.db());
        if (!tx) return tx.takeError();
        DemoWriter writer(wb.db(), options.attributes);
        writer.beginImport("demo:" + std::to_string(options.seed) + ":" + std::to_string(n));
        DemoSummary summary;
        if (!writeAll(pop, options, writer, summary, progress)) return cancelled();
        if (auto st = writePlantedAlerts(*tx, pop, options); !st) return st.takeError();
        if (auto st = tx->commit(); !st) return st.takeError();
        log->info("demo workbook: {} customers, {} transactions, {} survey answers (seed {})",
                  summary.customers, summary.transactions, summary.surveyResponses, options.seed);
        return summary;
    } catch (const store::SqlError& e) {
        return store::sqliteError(wb.db(), e);
    }
}

}  // namespace cw::engine
