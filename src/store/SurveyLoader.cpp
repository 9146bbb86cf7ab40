// Survey answers: overall satisfaction, likelihood to recommend, repurchase
// intention and one score per service attribute; categorical answers become
// numbers through value maps; unmapped columns are kept as custom fields.
#include <algorithm>
#include <cctype>
#include <cmath>

#include "core/Text.h"
#include "store/CustomFieldWriter.h"
#include "store/ImportContext.h"

namespace cw::store::detail {
namespace {


std::string fmtScale(std::pair<double, double> s) {
    char b[64];
    std::snprintf(b, sizeof b, "%g-%g", s.first, s.second);
    return b;
}

struct ParsedResponse {
    std::string customer, respondent;
    std::optional<std::int64_t> ts;
    std::optional<double> overall, recommend, repurchase;
    std::vector<std::optional<double>> scores;
};

class SurveyLoader final : public TableLoader {
public:
    Status begin(ImportContext& ctx) override {
        const auto& o = *ctx.options;
        m_scale = o.scale.value_or(std::make_pair(0.0, 10.0));
        std::vector<double> overallMapped;  // the numbers overall's value map gives
        if (auto it = o.valueMaps.find("overall"); it != o.valueMaps.end())
            for (const auto& [text, to] : it->second)
                if (auto v = csv::parseNumber(to, csv::DecimalSeparator::Dot)) overallMapped.push_back(*v);
        if (o.overallScale) {
            m_overallScale = *o.overallScale;
        } else if (!overallMapped.empty()) {
            auto [lo, hi] = std::minmax_element(overallMapped.begin(), overallMapped.end());
            m_overallScale = {*lo, *hi};
        } else {
            m_overallScale = o.scale.value_or(std::make_pair(0.0, 10.0));
            if (ctx.columns.has("overall"))
                ctx.report->warnings.push_back("overall satisfaction read on a " + fmtScale(m_overallScale) +
                                               " scale (pass --overall-scale to choose)");
        }
        if (m_overallScale.second <= m_overallScale.first || m_scale.second <= m_scale.first)
            return makeError(ErrorKind::Usage, "a scale must go from low to high, e.g. 1-5");
        for (const auto& a : o.attributes) {
            auto it = std::find(ctx.columns.header.begin(), ctx.columns.header.end(), a);
            m_attrColumns.push_back(static_cast<int>(it - ctx.columns.header.begin()));
        }
        if (!ctx.db) return {};
        m_customers = loadCodes(*ctx.db, "customers");
        if (auto st = registerAttributes(ctx); !st) return st;
        m_response = ctx.db->prepareOrThrow(
            "INSERT INTO survey_responses(import_id, line, customer_id, respondent_code, ts, overall, satisfaction, "
            "recommend, repurchase) VALUES(?,?,?,?,?,?,?,?,?)");
        m_score = ctx.db->prepareOrThrow(
            "INSERT INTO survey_scores(response_id, attribute_id, score) VALUES(?,?,?)");
        m_newCustomer = ctx.db->prepareOrThrow(
            "INSERT INTO customers(code, region, channel, origin, import_id) VALUES(?,?,?,?,?)");
        m_custom.begin(ctx, "survey_response");
        return {};
    }

    std::optional<Reject> load(ImportContext& ctx, const csv::Record& r) override {
        ParsedResponse p;
        if (auto bad = parse(ctx, r, p)) return bad;
        if (!ctx.db) return std::nullopt;
        auto& s = m_response;
        s.bind(1, ctx.importId).bind(2, r.line);
        if (p.customer.empty()) s.bindNull(3);
        else s.bind(3, ensureCustomer(ctx, m_customers, m_newCustomer, p.customer, {}, {}, "survey"));
        if (p.respondent.empty()) s.bindNull(4); else s.bind(4, p.respondent);
        s.bind(5, p.ts).bind(6, p.overall).bind(7, rescale(p.overall, m_overallScale)).bind(8, p.recommend);
        s.bind(9, rescale(p.repurchase, m_overallScale));
        if (!s.exec()) throw SqlError{"cannot store survey response: " + s.lastError()};
        const auto id = ctx.db->lastInsertRowId();
        for (std::size_t i = 0; i < p.scores.size(); ++i) {
            m_score.bind(1, id).bind(2, m_attrIds[i]).bind(3, p.scores[i]);
            if (!m_score.exec()) throw SqlError{"cannot store survey score: " + m_score.lastError()};
        }
        m_custom.write(ctx, r, id);
        return std::nullopt;
    }

    Status finish(ImportContext& ctx) override {
        m_custom.finish(ctx);
        return {};
    }

    std::vector<std::string> previewColumns() const override {
        return {"respondent", "customer", "overall", "satisfaction 0-100", "recommend"};
    }
    std::vector<std::string> previewValues(ImportContext& ctx, const csv::Record& r) override {
        ParsedResponse p;
        if (parse(ctx, r, p)) return {};
        auto num = [](std::optional<double> v) {
            char b[32];
            if (!v) return std::string();
            std::snprintf(b, sizeof b, "%.4g", *v);
            return std::string(b);
        };
        return {p.respondent, p.customer, num(p.overall), num(rescale(p.overall, m_overallScale)), num(p.recommend)};
    }

private:
    static std::optional<double> rescale(std::optional<double> v, std::pair<double, double> s) {
        if (!v) return std::nullopt;
        return 100.0 * (*v - s.first) / (s.second - s.first);
    }

    Status registerAttributes(ImportContext& ctx) {
        auto st = ctx.db->prepareOrThrow(
            "INSERT INTO service_attributes(name, scale_min, scale_max, na_value) VALUES(?,?,?,?) "
            "ON CONFLICT(name) DO UPDATE SET scale_min=excluded.scale_min, scale_max=excluded.scale_max, "
            "na_value=excluded.na_value RETURNING id");
        for (const auto& a : ctx.options->attributes) {
            st.bind(1, a).bind(2, m_scale.first).bind(3, m_scale.second).bind(4, ctx.options->naValue);
            if (!st.step()) return makeError(ErrorKind::Internal, "cannot register attribute: " + st.lastError());
            m_attrIds.push_back(st.int64(0));
            st.reset();
        }
        return {};
    }

    // A field's number, through its value map when it has one.
    std::optional<double> value(ImportContext& ctx, const csv::Record& r, int col, const std::string& field,
                                std::optional<Reject>& bad) {
        auto text = ctx.at(r, col);  // through the value map and the "no value" texts
        if (text.empty()) return std::nullopt;
        auto v = csv::parseNumber(text, ctx.decimal);
        if (!v) v = csv::parseNumber(text, csv::DecimalSeparator::Dot);  // a value map's own number
        if (!v && !bad) {
            bad = ctx.reject(r, field, "invalid_number",
                             "\"" + text::printable(text, 60) + "\" is not a number" +
                                 (ctx.transforms.mapped(col) ? " nor in the value map" : "") + " for " + field +
                                 (ctx.transforms.mapped(col) ? "" : " (map text answers with --value-map)"));
            if (bad->column == 0) {
                bad->column = col + 1;
                bad->columnName = ctx.columns.header[col];
                bad->value = std::string(text);
            }
        }
        return v;
    }

    std::optional<Reject> outOfRange(ImportContext& ctx, const csv::Record& r, const std::string& field, int col,
                                     double v, std::pair<double, double> s) {
        Reject j = ctx.reject(r, field, "out_of_range", field + " " + std::to_string(v) + " is outside its scale " +
                                                            fmtScale(s) + " (set --scale / --overall-scale)");
        j.column = col + 1;
        j.columnName = ctx.columns.header[col];
        j.value = std::string(csv::trim(r.fields[col]));
        return j;
    }

    std::optional<Reject> parse(ImportContext& ctx, const csv::Record& r, ParsedResponse& p) {
        std::optional<Reject> bad;
        p.customer = csv::normalizeId(ctx.field(r, "customer_id"));
        p.respondent = csv::normalizeId(ctx.field(r, "respondent_id"));
        if (p.customer.empty() && p.respondent.empty())
            return ctx.reject(r, ctx.columns.has("customer_id") ? "customer_id" : "respondent_id", "missing_id",
                              "the answer has no customer or respondent id");
        p.ts = dateField(ctx, r, "date", bad);
        p.overall = value(ctx, r, ctx.columns.col("overall"), "overall", bad);
        p.recommend = value(ctx, r, ctx.columns.col("recommend"), "recommend", bad);
        p.repurchase = value(ctx, r, ctx.columns.col("repurchase"), "repurchase", bad);
        for (std::size_t i = 0; i < m_attrColumns.size(); ++i)
            p.scores.push_back(value(ctx, r, m_attrColumns[i], ctx.options->attributes[i], bad));
        if (bad) return bad;
        auto inside = [](double v, std::pair<double, double> s) { return v >= s.first - 1e-9 && v <= s.second + 1e-9; };
        if (p.overall && !inside(*p.overall, m_overallScale))
            return outOfRange(ctx, r, "overall", ctx.columns.col("overall"), *p.overall, m_overallScale);
        if (p.recommend && !inside(*p.recommend, {0, 10}))
            return outOfRange(ctx, r, "recommend", ctx.columns.col("recommend"), *p.recommend, {0, 10});
        for (std::size_t i = 0; i < p.scores.size(); ++i) {
            auto& sc = p.scores[i];
            if (sc && ctx.options->naValue && std::abs(*sc - *ctx.options->naValue) < 1e-9) sc.reset();
            else if (sc && !inside(*sc, m_scale))
                return outOfRange(ctx, r, ctx.options->attributes[i], m_attrColumns[i], *sc, m_scale);
        }
        return std::nullopt;
    }

    std::pair<double, double> m_scale{0, 10}, m_overallScale{0, 10};
    std::vector<int> m_attrColumns;
    std::vector<std::int64_t> m_attrIds;
    CodeMap m_customers;
    Statement m_response, m_score, m_newCustomer;
    CustomFieldWriter m_custom;
};

}  // namespace

std::unique_ptr<TableLoader> makeSurveyLoader() { return std::make_unique<SurveyLoader>(); }

}  // namespace cw::store::detail
