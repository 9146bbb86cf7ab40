#include "engine/DemoWriter.h"

#include <algorithm>
#include <cstdio>

#include "engine/DemoCatalog.h"

namespace cw::engine::demo {
namespace {

std::string numbered(const char* prefix, std::int64_t n) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%s%08lld", prefix, static_cast<long long>(n));
    return buf;
}

// "INV-00001234" into `buf` without allocating: this runs once per transaction row.
void numbered(char (&buf)[12], const char* prefix, std::int64_t n) {
    for (int i = 0; i < 3; ++i) buf[i] = prefix[i];
    buf[3] = '-';
    for (int i = 11; i >= 4; --i, n /= 10) buf[i] = static_cast<char>('0' + n % 10);
}

}  // namespace

DemoWriter::DemoWriter(store::Database& db, int attributes) : m_out(db, attributes) {}

std::int64_t DemoWriter::beginImport(const std::string& contentHash) { return m_out.beginImport(contentHash); }

void DemoWriter::finishImport(std::int64_t records, const std::string& detailsJson) {
    m_out.finishImport(records, detailsJson);
}

void DemoWriter::writeAttributes(const std::vector<std::string>& names) {
    for (const auto& n : names) m_out.insertAttribute(n, kScoreMin, kScoreMax);
}

// Parents come before their children in `managers`, so parent ids are known in time.
void DemoWriter::writeManagers(std::vector<ManagerSpec>& managers) {
    for (auto& m : managers) {
        const auto parent = m.parent >= 0 ? std::optional<std::int64_t>(managers[std::size_t(m.parent)].id) : std::nullopt;
        const auto region = m.region >= 0 ? std::optional<std::string_view>(kRegions[m.region]) : std::nullopt;
        m.id = m_out.insertManager(m.code, m.name, parent, m.level, region);
    }
}

void DemoWriter::writeCustomer(CustomerSpec& c, const std::string& code, const std::string& name,
                               const std::vector<ManagerSpec>& managers) {
    c.id = m_out.insertCustomer(code, name, kRegions[c.region], kChannels[c.channel], managers[c.manager].id,
                                c.acquisitionDay * 86400);
}

void DemoWriter::writeTruth(const CustomerSpec& c) {
    m_out.insertTruth(c.id, c.churner, c.shrinking, kSegments[c.segment].name);
}

void DemoWriter::writeTransactions(const CustomerSpec& c, const std::vector<TxRow>& rows) {
    int orders = 0;
    store::GeneratedTransaction t;
    t.customerId = c.id;
    t.region = kRegions[c.region];
    for (const auto& r : rows) {
        const Category& cat = kCategories[r.category];
        t.ts = r.ts;
        t.kind = r.kind;
        t.revenue = r.revenue;
        t.cost = r.cost;
        t.quantity = r.quantity;
        t.unitPrice = r.unitPrice;
        t.product = cat.products[r.product].name;
        t.category = cat.name;
        t.channel = kChannels[r.channel];
        if (r.kind == 0)
            numbered(t.code, "INV", m_orders + r.order + 1);
        else
            numbered(t.code, "CRN", ++m_returns);
        ++m_transactions;
        orders = std::max(orders, r.order + 1);
        m_out.queueTransaction(t);
    }
    m_orders += orders;
}

void DemoWriter::writeAnswers(const CustomerSpec& c, const std::vector<SurveyAnswer>& answers) {
    for (const auto& a : answers) {
        ++m_responses;
        m_out.insertResponse({c.id, numbered("R-", m_responses), a.ts, a.overall, a.satisfaction, a.recommend,
                              a.repurchase, &a.scores, &a.importance});
    }
}

void DemoWriter::writeNotes(const CustomerSpec& c, const std::string& author,
                            const std::vector<NoteDraft>& notes) {
    for (const auto& n : notes) {
        m_out.insertNote(c.id, n.ts, author, n.text);
        ++m_notes;
    }
}

void DemoWriter::writeCostToServe() {
    for (const auto& c : kCostToServe) m_out.insertCostToServe(c.channel, c.activity, c.perOrder, c.perCustomerYear);
}

void DemoWriter::writeSetting(const std::string& key, const std::string& jsonValue) {
    m_out.writeSetting(key, jsonValue);
}

}  // namespace cw::engine::demo
