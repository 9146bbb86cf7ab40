#include "engine/DemoWriter.h"

#include <algorithm>
#include <cstdio>
#include <ctime>

#include "core/CivilTime.h"
#include "engine/DemoCatalog.h"

namespace cw::engine::demo {
namespace {

std::string nowIso() {
    const auto t = static_cast<std::int64_t>(std::time(nullptr));
    std::string s = formatDateTime(t, false);
    s[10] = 'T';
    return s;
}

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

// "INSERT … VALUES(?,…),(?,…)…" with `rows` groups of `columns` placeholders. Built from
// constants only; the values are bound.
std::string multiRowInsert(const char* head, int columns, int rows) {
    std::string group = "(";
    for (int c = 0; c < columns; ++c) group += c ? ",?" : "?";
    group += ")";
    std::string sql = head;
    for (int r = 0; r < rows; ++r) sql += (r ? "," : " VALUES") + group;
    return sql;
}

constexpr const char* kTxInsert =
    "INSERT INTO transactions(import_id, line, customer_id, code, ts, kind, revenue, cost, "
    "quantity, unit_price, product, category, channel, region)";
constexpr int kTxColumns = 14;

}  // namespace

DemoWriter::DemoWriter(store::Database& db, int attributes) : m_db(db) {
    m_customer = db.prepareOrThrow(
        "INSERT INTO customers(code, name, region, channel, manager_id, acquisition_date, segment, "
        "origin, import_id) VALUES(?,?,?,?,?,?,NULL,'file',?)");
    m_truth = db.prepareOrThrow(
        "INSERT INTO demo_truth(customer_id, churner, shrinking, segment) VALUES(?,?,?,?)");
    // One execution per row costs more in statement start and stop than in the insert
    // itself, so the large tables are written many rows per statement.
    m_tx = db.prepareOrThrow(multiRowInsert(kTxInsert, kTxColumns, 1));
    m_txBatch = db.prepareOrThrow(multiRowInsert(kTxInsert, kTxColumns, kTxBatch));
    m_pending.reserve(kTxBatch);
    m_response = db.prepareOrThrow(
        "INSERT INTO survey_responses(import_id, line, customer_id, respondent_code, ts, overall, "
        "satisfaction, recommend, repurchase) VALUES(?,?,?,?,?,?,?,?,?)");
    m_scores = db.prepareOrThrow(multiRowInsert(
        "INSERT INTO survey_scores(response_id, attribute_id, score, importance)", 4, attributes));
    m_note = db.prepareOrThrow(
        "INSERT INTO notes(import_id, customer_id, ts, author, text) VALUES(?,?,?,?,?)");
}

void DemoWriter::run(store::Statement& st) {
    if (!st.exec()) throw store::SqlError{"cannot write the demo workbook: " + st.lastError()};
}

std::int64_t DemoWriter::beginImport(const std::string& contentHash) {
    auto st = m_db.prepareOrThrow(
        "INSERT INTO imports(file, file_name, table_name, profile, content_hash, file_size, "
        "started_at) VALUES('<generated>', '<generated>', 'demo', 'demo', ?, 0, ?)");
    st.bind(1, contentHash).bind(2, nowIso());
    run(st);
    m_importId = m_db.lastInsertRowId();
    return m_importId;
}

void DemoWriter::finishImport(std::int64_t records, const std::string& detailsJson) {
    flush();
    auto st = m_db.prepareOrThrow(
        "UPDATE imports SET finished_at=?, records=?, loaded=?, rejected=0, details=? WHERE id=?");
    st.bind(1, nowIso()).bind(2, records).bind(3, records).bind(4, detailsJson).bind(5, m_importId);
    run(st);
}

void DemoWriter::writeAttributes(const std::vector<std::string>& names) {
    auto st = m_db.prepareOrThrow(
        "INSERT INTO service_attributes(name, scale_min, scale_max, na_value) VALUES(?,?,?,NULL)");
    for (const auto& n : names) {
        st.bind(1, n).bind(2, kScoreMin).bind(3, kScoreMax);
        run(st);
        m_attributeIds.push_back(m_db.lastInsertRowId());
    }
}

// Parents come before their children in `managers`, so parent ids are known in time.
void DemoWriter::writeManagers(std::vector<ManagerSpec>& managers) {
    auto st = m_db.prepareOrThrow(
        "INSERT INTO managers(code, name, parent_id, level, region, origin, import_id) "
        "VALUES(?,?,?,?,?,'file',?)");
    for (auto& m : managers) {
        st.bind(1, m.code).bind(2, m.name);
        if (m.parent >= 0)
            st.bind(3, managers[m.parent].id);
        else
            st.bindNull(3);
        st.bind(4, m.level);
        if (m.region >= 0)
            st.bindStatic(5, kRegions[m.region]);
        else
            st.bindNull(5);
        st.bind(6, m_importId);
        run(st);
        m.id = m_db.lastInsertRowId();
    }
}

void DemoWriter::writeCustomer(CustomerSpec& c, const std::string& code, const std::string& name,
                               const std::vector<ManagerSpec>& managers) {
    m_customer.bind(1, code).bind(2, name).bindStatic(3, kRegions[c.region]);
    m_customer.bindStatic(4, kChannels[c.channel]).bind(5, managers[c.manager].id);
    m_customer.bind(6, c.acquisitionDay * 86400).bind(7, m_importId);
    run(m_customer);
    c.id = m_db.lastInsertRowId();
}

void DemoWriter::writeTruth(const CustomerSpec& c) {
    m_truth.bind(1, c.id).bind(2, c.churner ? 1 : 0).bind(3, c.shrinking ? 1 : 0);
    m_truth.bindStatic(4, kSegments[c.segment].name);
    run(m_truth);
}

void DemoWriter::writeTransactions(const CustomerSpec& c, const std::vector<TxRow>& rows) {
    int orders = 0;
    for (const auto& r : rows) {
        PendingTx& p = m_pending.emplace_back();
        p.row = r;
        p.customerId = c.id;
        p.region = c.region;
        p.line = ++m_transactions;
        if (r.kind == 0)
            numbered(p.code, "INV", m_orders + r.order + 1);
        else
            numbered(p.code, "CRN", ++m_returns);
        orders = std::max(orders, r.order + 1);
        if (m_pending.size() == kTxBatch) flush();
    }
    m_orders += orders;
}

void DemoWriter::bindTx(store::Statement& st, int base, const PendingTx& p) {
    const TxRow& r = p.row;
    const Category& cat = kCategories[r.category];
    st.bind(base + 1, m_importId).bind(base + 2, p.line).bind(base + 3, p.customerId);
    st.bindStatic(base + 4, std::string_view(p.code, sizeof p.code))
        .bind(base + 5, r.ts)
        .bind(base + 6, r.kind);
    st.bind(base + 7, r.revenue).bind(base + 8, r.cost).bind(base + 9, r.quantity);
    st.bind(base + 10, r.unitPrice).bindStatic(base + 11, cat.products[r.product].name);
    st.bindStatic(base + 12, cat.name).bindStatic(base + 13, kChannels[r.channel]);
    st.bindStatic(base + 14, kRegions[p.region]);
}

void DemoWriter::flush() {
    if (m_pending.size() == kTxBatch) {
        for (int i = 0; i < kTxBatch; ++i) bindTx(m_txBatch, i * kTxColumns, m_pending[i]);
        run(m_txBatch);
    } else {
        for (const auto& p : m_pending) {
            bindTx(m_tx, 0, p);
            run(m_tx);
        }
    }
    m_pending.clear();
}

void DemoWriter::writeAnswers(const CustomerSpec& c, const std::vector<SurveyAnswer>& answers) {
    for (const auto& a : answers) {
        ++m_responses;
        m_response.bind(1, m_importId).bind(2, m_responses).bind(3, c.id);
        m_response.bind(4, numbered("R-", m_responses)).bind(5, a.ts).bind(6, a.overall);
        m_response.bind(7, a.satisfaction).bind(8, a.recommend).bind(9, a.repurchase);
        run(m_response);
        const std::int64_t responseId = m_db.lastInsertRowId();
        for (std::size_t j = 0; j < a.scores.size(); ++j) {
            const int base = static_cast<int>(j) * 4;
            m_scores.bind(base + 1, responseId).bind(base + 2, m_attributeIds[j]);
            m_scores.bind(base + 3, a.scores[j]).bind(base + 4, a.importance[j]);
        }
        run(m_scores);
    }
}

void DemoWriter::writeNotes(const CustomerSpec& c, const std::string& author,
                            const std::vector<NoteDraft>& notes) {
    for (const auto& n : notes) {
        m_note.bind(1, m_importId)
            .bind(2, c.id)
            .bind(3, n.ts)
            .bind(4, author)
            .bindStatic(5, n.text);
        run(m_note);
        ++m_notes;
    }
}

void DemoWriter::writeCostToServe() {
    auto st = m_db.prepareOrThrow(
        "INSERT INTO cost_to_serve(import_id, channel, activity, cost_per_order, "
        "cost_per_customer_year) VALUES(?,?,?,?,?)");
    for (const auto& c : kCostToServe) {
        st.bind(1, m_importId).bindStatic(2, c.channel).bindStatic(3, c.activity);
        st.bind(4, c.perOrder).bind(5, c.perCustomerYear);
        run(st);
    }
}

void DemoWriter::writeSetting(const std::string& key, const std::string& jsonValue) {
    auto st = m_db.prepareOrThrow(
        "INSERT INTO settings(key, value) VALUES(?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value=excluded.value");
    st.bind(1, key).bind(2, jsonValue);
    run(st);
}

}  // namespace cw::engine::demo
