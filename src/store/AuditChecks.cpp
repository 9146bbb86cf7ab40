// Audit checks on customers, managers, custom fields, surveys and imports.
// (Transaction checks are in AuditTransactions.cpp.)
#include "store/AuditChecks.h"

#include <cmath>
#include <cstdio>

#include "store/Workbook.h"

namespace cw::store::audit {

AuditFinding& Context::add(std::string table, std::string check, Severity severity,
                           std::int64_t count, std::string message, std::string field) {
    AuditFinding f;
    f.table = std::move(table);
    f.check = std::move(check);
    f.field = std::move(field);
    f.severity = severity;
    f.count = count;
    f.message = std::move(message);
    report.findings.push_back(std::move(f));
    return report.findings.back();
}

std::vector<std::string> Context::examples(const char* sql, std::initializer_list<double> binds,
                                           int limit) {
    auto st = db.prepareOrThrow(sql);
    int i = 0;
    for (double b : binds) st.bind(++i, b);
    std::vector<std::string> out;
    while (static_cast<int>(out.size()) < limit && st.step()) out.push_back(st.text(0));
    return out;
}

void Context::completeness(const std::string& table, const std::vector<std::string>& columns,
                           const std::vector<std::int64_t>& filled, std::int64_t total) {
    for (std::size_t i = 0; i < columns.size(); ++i)
        report.completeness.push_back({table, columns[i], filled[i], total});
}

std::string percent(double share) {
    char buf[32];
    std::snprintf(buf, sizeof buf, share > 0 && share < 0.001 ? "%.2f%%" : "%.1f%%", share * 100.0);
    return buf;
}

std::string grouped(std::int64_t n) {
    std::string digits = std::to_string(n < 0 ? -n : n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return n < 0 ? "-" + out : out;
}

std::string amount(double x) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.2f", std::abs(x) - std::floor(std::abs(x)));
    const std::string whole = grouped(static_cast<std::int64_t>(std::floor(std::abs(x))));
    return (x < 0 ? "-" : "") + whole + std::string(buf).substr(1);
}

namespace {

std::string count(std::int64_t n, const char* one, const char* many) {
    return grouped(n) + " " + (n == 1 ? one : many);
}

void emptyTable(Context& c, const char* table, const char* message) {
    c.add(table, "empty_table", Severity::Info, 0, message);
}

}  // namespace

void countRows(Context& c) {
    for (const auto& t : userTables())  // table names are constants, not data
        c.report.rowCounts[t] = c.db.queryInt("SELECT count(*) FROM " + t).value_or(0);
    c.report.rowCounts["imports"] = c.db.queryInt("SELECT count(*) FROM imports").value_or(0);
    c.customers = c.report.rowCounts["customers"];
    c.surveyResponses = c.report.rowCounts["survey_responses"];
}

void checkCustomers(Context& c) {
    auto st = c.db.prepareOrThrow(
        "SELECT count(*), count(name), count(region), count(channel), count(manager_id), "
        "count(acquisition_date), "
        "total(origin<>'file'), total(acquisition_date > ?1) FROM customers");
    st.bind(1, c.now);
    st.step();
    const std::int64_t total = st.int64(0);
    c.completeness("customers", {"name", "region", "channel", "manager_id", "acquisition_date"},
                   {st.int64(1), st.int64(2), st.int64(3), st.int64(4), st.int64(5)}, total);
    if (total == 0) {
        emptyTable(c, "customers",
                   "No customers yet — import transactions, or a customers file with names, "
                   "regions, channels and managers.");
        return;
    }
    const auto derived = static_cast<std::int64_t>(st.real(6));
    const auto future = static_cast<std::int64_t>(st.real(7));
    if (derived > 0)
        c.add("customers", "orphans", Severity::Warning, derived,
              count(derived, "customer is", "customers are") +
                  " known only from transactions, surveys or notes — import a customers file to "
                  "complete them with name, region, channel and manager.")
            .examples = c.examples(
            "SELECT code || ' (from ' || origin || ')' FROM customers WHERE origin<>'file'");
    if (auto n = total - st.int64(4); n > 0)
        c.add("customers", "no_manager", Severity::Warning, n,
              count(n, "customer has", "customers have") +
                  " no commercial manager and will be missing from the managers' dashboards — "
                  "map the manager column of the customers file.")
            .examples = c.examples("SELECT code FROM customers WHERE manager_id IS NULL");
    if (auto n = total - st.int64(2); n > 0)
        c.add("customers", "no_region", Severity::Warning, n,
              count(n, "customer has", "customers have") +
                  " no region and will show as 'unknown' in regional breakdowns — add the region "
                  "to the customers file.")
            .examples = c.examples("SELECT code FROM customers WHERE region IS NULL");
    if (future > 0)
        c.add("customers", "out_of_range", Severity::Warning, future,
              count(future, "customer was", "customers were") +
                  " acquired in the future — check the date format of the acquisition date "
                  "column (--date-format) and re-import.",
              "acquisition_date")
            .examples = c.examples(
            "SELECT code || ': ' || date(acquisition_date, 'unixepoch') FROM customers WHERE "
            "acquisition_date > ?1",
            {double(c.now)});

    auto same = c.db.prepareOrThrow(
        "SELECT count(*), total(n) FROM (SELECT count(*) AS n FROM customers WHERE "
        "NULLIF(trim(name),'') IS NOT NULL GROUP BY lower(trim(name)) HAVING count(*) > 1)");
    same.step();
    if (auto n = static_cast<std::int64_t>(same.real(1)); n > 0)
        c.add("customers", "same_name", Severity::Info, n,
              count(n, "customer shares", "customers share") +
                  " a name with a customer of another code (" +
                  count(same.int64(0), "name", "names") +
                  ") — if one company has two codes, merge them in the source system.")
            .examples = c.examples(
            "SELECT min(trim(name)) || ': ' || group_concat(code, ', ') FROM customers WHERE "
            "NULLIF(trim(name),'') IS NOT NULL GROUP BY lower(trim(name)) HAVING count(*) > 1");
}

void checkCustomFields(Context& c) {
    auto st = c.db.prepareOrThrow(
        "SELECT f.entity, f.name, (SELECT count(*) FROM custom_values v WHERE v.field_id=f.id AND "
        "(v.num IS NOT NULL OR v.text IS NOT NULL)) FROM custom_fields f ORDER BY f.entity, f.id");
    while (st.step()) {
        const bool survey = st.textView(0) == "survey_response";
        c.report.completeness.push_back({survey ? "survey_responses" : "customers",
                                         "custom:" + st.text(1), st.int64(2),
                                         survey ? c.surveyResponses : c.customers});
    }
}

void checkManagers(Context& c) {
    auto st = c.db.prepareOrThrow(
        "SELECT count(*), count(name), count(parent_id), count(region), total(origin<>'file'), "
        "total(parent_id IS NULL AND id IN (SELECT parent_id FROM managers)), "
        "total(parent_id IS NULL AND id NOT IN (SELECT parent_id FROM managers WHERE parent_id "
        "IS NOT NULL)) FROM managers");
    st.step();
    const std::int64_t total = st.int64(0);
    c.completeness("managers", {"name", "parent_id", "region"},
                   {st.int64(1), st.int64(2), st.int64(3)}, total);
    if (total == 0) {
        if (c.customers > 0)
            emptyTable(c, "managers",
                       "No managers: dashboards by region and commercial manager are not "
                       "available — import a managers file with parent ids.");
        return;
    }
    const auto derived = static_cast<std::int64_t>(st.real(4));
    const auto roots = static_cast<std::int64_t>(st.real(5));
    const auto loose = static_cast<std::int64_t>(st.real(6));
    if (derived > 0)
        c.add("managers", "orphans", Severity::Warning, derived,
              count(derived, "manager is", "managers are") +
                  " named by customers but missing from the managers file — import it to give "
                  "them a name and a place in the hierarchy.")
            .examples = c.examples("SELECT code FROM managers WHERE origin<>'file'");
    if (total > 1 && loose > 0)
        c.add("managers", "no_parent", Severity::Warning, loose,
              count(loose, "manager has", "managers have") +
                  " no parent and leads nobody, so sits outside the hierarchy — add the parent "
                  "id in the managers file.")
            .examples = c.examples(
            "SELECT code || coalesce(' (' || name || ')', '') FROM managers WHERE parent_id IS "
            "NULL AND id NOT IN (SELECT parent_id FROM managers WHERE parent_id IS NOT NULL)");
    if (roots > 1)
        c.add("managers", "several_roots", Severity::Info, roots,
              "The hierarchy has " + grouped(roots) +
                  " tops; dashboards show them side by side — give them a common parent (the "
                  "company) if they belong together.")
            .examples = c.examples(
            "SELECT code || coalesce(' (' || name || ')', '') FROM managers WHERE parent_id IS "
            "NULL AND id IN (SELECT parent_id FROM managers)");
}

void checkSurvey(Context& c) {
    if (c.surveyResponses == 0) {
        emptyTable(c, "survey_responses",
                   "No survey answers: satisfaction, importance and loyalty attitudes are not "
                   "available — import a survey file.");
        return;
    }
    auto st = c.db.prepareOrThrow(
        "SELECT count(*), count(customer_id), count(ts), count(overall), count(recommend), "
        "count(repurchase), total(recommend < 0 OR recommend > 10), "
        "total(satisfaction < 0 OR satisfaction > 100), total(ts > ?1 OR ts < ?2) "
        "FROM survey_responses");
    st.bind(1, c.now).bind(2, kEarliestTs);
    st.step();
    const std::int64_t total = st.int64(0);
    c.completeness("survey_responses", {"customer_id", "ts", "overall", "recommend", "repurchase"},
                   {st.int64(1), st.int64(2), st.int64(3), st.int64(4), st.int64(5)}, total);
    if (auto n = total - st.int64(1); n > 0)
        c.add("survey_responses", "anonymous", Severity::Info, n,
              count(n, "survey answer is", "survey answers are") +
                  " not linked to a customer: they count in attribute averages but not in the "
                  "customer matrices — map the customer id column if the survey has one.");
    auto range = [&](int col, const char* field, std::string what, const char* sql,
                     std::initializer_list<double> binds) {
        if (auto n = static_cast<std::int64_t>(st.real(col)); n > 0)
            c.add("survey_responses", "out_of_range", Severity::Warning, n,
                  count(n, "survey answer has", "survey answers have") + " " + what, field)
                .examples = c.examples(sql, binds);
    };
    range(6, "recommend",
          "a likelihood to recommend outside 0–10 — check the column mapping and the scale.",
          "SELECT printf('line %d: %g', line, recommend) FROM survey_responses WHERE recommend < 0 "
          "OR recommend > 10",
          {});
    range(7, "satisfaction",
          "a satisfaction outside 0–100 — check the overall scale given at import "
          "(--overall-scale).",
          "SELECT printf('line %d: %g', line, satisfaction) FROM survey_responses WHERE "
          "satisfaction < 0 OR satisfaction > 100",
          {});
    range(8, "ts",
          "a date in the future or before 1990 — check the date format (--date-format) and "
          "re-import.",
          "SELECT printf('line %d: %s', line, datetime(ts, 'unixepoch')) FROM survey_responses "
          "WHERE ts > ?1 OR ts < ?2",
          {double(c.now), double(kEarliestTs)});

    auto sc = c.db.prepareOrThrow(
        "SELECT count(*) FROM survey_scores s JOIN service_attributes a ON a.id=s.attribute_id "
        "WHERE s.score IS NOT NULL AND (a.na_value IS NULL OR s.score <> a.na_value) AND "
        "(s.score < a.scale_min OR s.score > a.scale_max)");
    sc.step();
    if (auto n = sc.int64(0); n > 0)
        c.add("survey_scores", "out_of_range", Severity::Warning, n,
              count(n, "attribute score lies", "attribute scores lie") +
                  " outside the attribute's scale — check the scale given at import (--scale) and "
                  "the value meaning 'not applicable' (--na-value).",
              "score")
            .examples = c.examples(
            "SELECT printf('%s = %g (scale %g–%g), answer %d', a.name, s.score, a.scale_min, "
            "a.scale_max, s.response_id) FROM survey_scores s JOIN service_attributes a ON "
            "a.id=s.attribute_id WHERE s.score IS NOT NULL AND (a.na_value IS NULL OR s.score <> "
            "a.na_value) AND (s.score < a.scale_min OR s.score > a.scale_max)");
}

void checkImports(Context& c) {
    struct Import {
        std::int64_t id, records, rejects = 0;
        std::string file, table;
        std::vector<std::string> reasons;
    };
    std::vector<Import> imports;
    auto st = c.db.prepareOrThrow(
        "SELECT i.id, i.file_name, i.table_name, i.records, r.reason, count(*) FROM import_rejects "
        "r JOIN imports i ON i.id=r.import_id GROUP BY r.import_id, r.reason "
        "ORDER BY r.import_id, count(*) DESC, r.reason");
    while (st.step()) {
        if (imports.empty() || imports.back().id != st.int64(0))
            imports.push_back({st.int64(0), st.int64(3), 0, st.text(1), st.text(2), {}});
        imports.back().rejects += st.int64(5);
        imports.back().reasons.push_back(st.text(4) + ": " + grouped(st.int64(5)));
    }
    for (auto& i : imports) {
        const double share = i.records ? double(i.rejects) / double(i.records) : 1.0;
        const std::string id = std::to_string(i.id);
        c.add(i.table, "import_rejects", share > 0.05 ? Severity::Warning : Severity::Info,
              i.rejects,
              "Import #" + id + " of " + i.file + " rejected " + grouped(i.rejects) + " of " +
                  grouped(i.records) + " records (" + percent(share) +
                  ") — list them with 'clienting rejects --import " + id +
                  "', fix the file and re-import it with --replace.",
              "import #" + id)
            .examples = std::move(i.reasons);
    }
}

}  // namespace cw::store::audit
