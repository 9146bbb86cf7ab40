#include "engine/survey/SurveyAnalysis.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>


namespace cw::engine {
namespace {

using Index = Eigen::Index;

std::optional<double> meanOf(const Eigen::Ref<const Eigen::VectorXd>& v, std::int64_t& count) {
    double sum = 0;
    count = 0;
    for (Index i = 0; i < v.size(); ++i)
        if (!std::isnan(v[i])) {
            sum += v[i];
            ++count;
        }
    if (count == 0) return std::nullopt;
    return sum / static_cast<double>(count);
}

void summariseAttributes(const SurveyData& d, SurveyAnalysis& out) {
    for (Index j = 0; j < static_cast<Index>(d.attributes.size()); ++j) {
        AttributeResult a;
        a.id = d.attributes[j].id;
        a.name = d.attributes[j].name;
        a.satisfaction = meanOf(d.scores.col(j), a.responses);
        a.statedImportance = meanOf(d.importance.col(j), a.statedResponses);
        out.attributes.push_back(std::move(a));
    }
}

void latestPerCustomer(const SurveyData& d, SurveyAnalysis& out) {
    constexpr auto kUndated = std::numeric_limits<std::int64_t>::min();
    std::unordered_map<std::int64_t, Index> latest;
    for (Index i = 0; i < d.responses(); ++i) {
        if (!d.customerIds[i]) {
            ++out.anonymousResponses;
            continue;
        }
        auto [it, fresh] = latest.try_emplace(*d.customerIds[i], i);
        if (fresh) continue;
        const Index k = it->second;
        // Rows come in id order, so on equal times the later row has the larger id.
        if (d.ts[i].value_or(kUndated) >= d.ts[k].value_or(kUndated)) it->second = i;
    }
    auto opt = [](double v) { return std::isnan(v) ? std::nullopt : std::optional<double>(v); };
    out.customers.reserve(latest.size());
    for (const auto& [customer, i] : latest) {
        CustomerAnswer c;
        c.customerId = customer;
        c.responseId = d.responseIds[i];
        c.ts = d.ts[i];
        if (c.ts) c.day = *c.ts >= 0 ? *c.ts / 86400 : -((-*c.ts + 86399) / 86400);
        c.satisfaction = opt(d.satisfaction[i]);
        c.recommend = opt(d.recommend[i]);
        c.repurchase = opt(d.repurchase[i]);
        c.scores.reserve(d.scores.cols());
        for (Index j = 0; j < d.scores.cols(); ++j) c.scores.push_back(opt(d.scores(i, j)));
        out.customers.push_back(std::move(c));
    }
    std::sort(out.customers.begin(), out.customers.end(),
              [](const auto& a, const auto& b) { return a.customerId < b.customerId; });
}

// Listwise deletion: the responses with overall and every attribute in `cols` answered.
// Attributes constant over those rows explain nothing and make Rxx singular, so they leave
// the model (which may let more rows in; hence the loop).
Result<RelativeWeights> listwise(const SurveyData& d, std::vector<Index>& cols,
                                 const RelativeWeightsOptions& o, std::int64_t& rowsUsed,
                                 std::string& note) {
    for (;;) {
        std::vector<Index> rows;
        for (Index i = 0; i < d.responses(); ++i) {
            bool complete = !std::isnan(d.satisfaction[i]);
            for (Index j : cols) complete = complete && !std::isnan(d.scores(i, j));
            if (complete) rows.push_back(i);
        }
        rowsUsed = static_cast<std::int64_t>(rows.size());
        Eigen::MatrixXd x(rows.size(), cols.size());
        Eigen::VectorXd y(rows.size());
        for (std::size_t r = 0; r < rows.size(); ++r) {
            y[r] = d.satisfaction[rows[r]];
            for (std::size_t c = 0; c < cols.size(); ++c) x(r, c) = d.scores(rows[r], cols[c]);
        }
        std::vector<Index> keep;
        std::vector<std::string> names;
        for (std::size_t c = 0; c < cols.size(); ++c) {
            if (!rows.empty() && x.col(c).maxCoeff() == x.col(c).minCoeff()) {
                note += "; left out (constant): " + d.attributes[cols[c]].name;
                continue;
            }
            keep.push_back(cols[c]);
            names.push_back(d.attributes[cols[c]].name);
        }
        if (keep.size() == cols.size() || keep.empty()) return relativeWeights(x, y, o, names);
        cols = std::move(keep);
    }
}

struct PairStats {
    std::int64_t n = 0;
    double r = std::numeric_limits<double>::quiet_NaN();
};

PairStats pairCorrelation(const Eigen::Ref<const Eigen::VectorXd>& a,
                          const Eigen::Ref<const Eigen::VectorXd>& b) {
    double sa = 0, sb = 0;
    PairStats s;
    for (Index i = 0; i < a.size(); ++i)
        if (!std::isnan(a[i]) && !std::isnan(b[i])) {
            sa += a[i];
            sb += b[i];
            ++s.n;
        }
    if (s.n < 2) return s;
    const double ma = sa / s.n, mb = sb / s.n;
    double saa = 0, sbb = 0, sab = 0;
    for (Index i = 0; i < a.size(); ++i)
        if (!std::isnan(a[i]) && !std::isnan(b[i])) {
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
            sab += (a[i] - ma) * (b[i] - mb);
        }
    if (saa > 0 && sbb > 0) s.r = sab / std::sqrt(saa * sbb);
    return s;
}

// Pairwise deletion: every correlation from the responses that answered both variables.
Result<RelativeWeights> pairwise(const SurveyData& d, std::vector<Index>& cols,
                                 const RelativeWeightsOptions& o, std::int64_t& rowsUsed,
                                 std::string& note) {
    std::vector<Index> keep;
    for (Index j : cols) {
        if (std::isnan(pairCorrelation(d.scores.col(j), d.satisfaction).r)) {
            note += "; left out (constant or no pair with overall): " + d.attributes[j].name;
            continue;
        }
        keep.push_back(j);
    }
    cols = std::move(keep);
    const auto p = static_cast<Index>(cols.size());
    Eigen::MatrixXd rxx = Eigen::MatrixXd::Identity(p, p);
    Eigen::VectorXd rxy(p);
    std::int64_t minN = std::numeric_limits<std::int64_t>::max();
    std::vector<std::string> names;
    for (Index a = 0; a < p; ++a) {
        names.push_back(d.attributes[cols[a]].name);
        const PairStats sy = pairCorrelation(d.scores.col(cols[a]), d.satisfaction);
        rxy[a] = sy.r;
        minN = std::min(minN, sy.n);
        for (Index b = a + 1; b < p; ++b) {
            const PairStats s = pairCorrelation(d.scores.col(cols[a]), d.scores.col(cols[b]));
            rxx(a, b) = rxx(b, a) = s.r;
            minN = std::min(minN, s.n);
        }
    }
    rowsUsed = p == 0 ? 0 : minN;
    return relativeWeightsFromCorrelations(rxx, rxy, rowsUsed, o, names);
}

void deriveImportance(const SurveyData& d, const SurveyOptions& o, SurveyAnalysis& out) {
    std::vector<Index> cols;
    std::string note;
    for (Index j = 0; j < static_cast<Index>(out.attributes.size()); ++j) {
        if (out.attributes[j].responses > 0)
            cols.push_back(j);
        else
            note += "; left out (no answers): " + out.attributes[j].name;
    }
    if (cols.empty()) {
        out.message = "no attribute has answers in the window" + note;
        return;
    }
    auto rw = o.missing == MissingPolicy::Listwise
                  ? listwise(d, cols, o.weights, out.rowsUsed, note)
                  : pairwise(d, cols, o.weights, out.rowsUsed, note);
    if (!rw) {
        out.message = "no derived importance: " + rw.error().message + note;
        return;
    }
    out.derived = true;
    out.r2 = rw->r2;
    out.conditionNumber = rw->conditionNumber;
    out.message =
        rw->message +
        (o.missing == MissingPolicy::Listwise ? " (listwise deletion)" : " (pairwise deletion)") +
        note;
    for (std::size_t c = 0; c < cols.size(); ++c) {
        AttributeResult& a = out.attributes[cols[c]];
        a.inModel = true;
        a.derivedImportance = rw->weights[c];
        a.derivedShare = rw->shares[c];
        a.olsBeta = rw->beta[c];
        a.correlation = rw->correlations[c];
    }
}

}  // namespace

Status SurveyOptions::validate() const {
    if (window.from && window.to && *window.from > *window.to)
        return makeError(ErrorKind::Usage, "the survey window ends before it starts",
                         "give the first day before the last");
    return weights.validate();
}

Result<SurveyAnalysis> analyzeSurvey(const SurveyData& d, const SurveyOptions& options,
                                     const ProgressFn& progress) {
    if (auto st = options.validate(); !st) return Error(st.error());
    if (progress && !progress({"analysing survey", 0, 1}))
        return makeError(ErrorKind::Cancelled, "survey analysis cancelled");

    SurveyAnalysis out;
    out.responses = d.responses();
    out.beforeWindow = d.beforeWindow;
    out.afterWindow = d.afterWindow;
    for (const auto& ts : d.ts)
        if (ts) {
            const std::int64_t day = *ts >= 0 ? *ts / 86400 : -((-*ts + 86399) / 86400);
            if (!out.lastDay || day > *out.lastDay) out.lastDay = day;
        }
    std::int64_t answered = 0;
    out.satisfaction = meanOf(d.satisfaction, answered);
    std::vector<double> recommend;
    recommend.reserve(d.responses());
    for (Index i = 0; i < d.responses(); ++i)
        if (!std::isnan(d.recommend[i])) recommend.push_back(d.recommend[i]);
    out.nps = nps(recommend);
    summariseAttributes(d, out);
    latestPerCustomer(d, out);
    deriveImportance(d, options, out);
    if (progress && !progress({"analysing survey", 1, 1}))
        return makeError(ErrorKind::Cancelled, "survey analysis cancelled");
    return out;
}

}  // namespace cw::engine
