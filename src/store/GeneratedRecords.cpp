#include "store/GeneratedRecords.h"

#include <ctime>

#include "core/CivilTime.h"

namespace cw::store {
namespace {

std::string nowIso() {
    const auto t = static_cast<std::int64_t>(std::time(nullptr));
    std::string s = formatDateTime(t, false);
    s[10] = 'T';
    return s;
}

constexpr const char* kTxInsert =
    "INSERT INTO transactions(import_id, line, customer_id, code, ts, kind, revenue, cost, "
    "quantity, unit_price, product, category, channel, region)";
constexpr int kTxColumns = 14;

}  // namespace

GeneratedRecordWriter::GeneratedRecordWriter(Database& db, int attributes) : m_db(db) {
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

void GeneratedRecordWriter::run(Statement& st) {
    if (!st.exec()) throw SqlError{"cannot write the generated records: " + st.lastError()};
}

std::int64_t GeneratedRecordWriter::beginImport(const std::string& contentHash) {
    auto st = m_db.prepareOrThrow(
        "INSERT INTO imports(file, file_name, table_name, profile, content_hash, file_size, "
        "started_at) VALUES('<generated>', '<generated>', 'demo', 'demo', ?, 0, ?)");
    st.bind(1, contentHash).bind(2, nowIso());
    run(st);
    m_importId = m_db.lastInsertRowId();
    return m_importId;
}

void GeneratedRecordWriter::finishImport(std::int64_t records, const std::string& detailsJson) {
    flush();
    auto st = m_db.prepareOrThrow(
        "UPDATE imports SET finished_at=?, records=?, loaded=?, rejected=0, details=? WHERE id=?");
    st.bind(1, nowIso()).bind(2, records).bind(3, records).bind(4, detailsJson).bind(5, m_importId);
    run(st);
}

void GeneratedRecordWriter::insertAttribute(const std::string& name, double scaleMin, double scaleMax) {
    auto st = m_db.prepareOrThrow(
        "INSERT INTO service_attributes(name, scale_min, scale_max, na_value) VALUES(?,?,?,NULL)");
    st.bind(1, name).bind(2, scaleMin).bind(3, scaleMax);
    run(st);
    m_attributeIds.push_back(m_db.lastInsertRowId());
}

std::int64_t GeneratedRecordWriter::insertManager(const std::string& code, const std::string& name,
                                                  std::optional<std::int64_t> parentId, const std::string& level,
                                                  std::optional<std::string_view> region) {
    auto st = m_db.prepareOrThrow(
        "INSERT INTO managers(code, name, parent_id, level, region, origin, import_id) "
        "VALUES(?,?,?,?,?,'file',?)");
    st.bind(1, code).bind(2, name).bind(3, parentId).bind(4, level);
    if (region)
        st.bindStatic(5, *region);
    else
        st.bindNull(5);
    st.bind(6, m_importId);
    run(st);
    return m_db.lastInsertRowId();
}

std::int64_t GeneratedRecordWriter::insertCustomer(const std::string& code, const std::string& name,
                                                   std::string_view region, std::string_view channel,
                                                   std::int64_t managerId, std::int64_t acquisitionTs) {
    m_customer.bind(1, code).bind(2, name).bindStatic(3, region);
    m_customer.bindStatic(4, channel).bind(5, managerId);
    m_customer.bind(6, acquisitionTs).bind(7, m_importId);
    run(m_customer);
    return m_db.lastInsertRowId();
}

void GeneratedRecordWriter::insertTruth(std::int64_t customerId, bool churner, bool shrinking,
                                        std::string_view segment) {
    m_truth.bind(1, customerId).bind(2, churner ? 1 : 0).bind(3, shrinking ? 1 : 0);
    m_truth.bindStatic(4, segment);
    run(m_truth);
}

void GeneratedRecordWriter::queueTransaction(const GeneratedTransaction& t) {
    m_pending.push_back(t);
    if (m_pending.size() == kTxBatch) flush();
}

void GeneratedRecordWriter::bindTx(Statement& st, int base, const GeneratedTransaction& t, std::int64_t line) {
    st.bind(base + 1, m_importId).bind(base + 2, line).bind(base + 3, t.customerId);
    st.bindStatic(base + 4, std::string_view(t.code, sizeof t.code)).bind(base + 5, t.ts).bind(base + 6, t.kind);
    st.bind(base + 7, t.revenue).bind(base + 8, t.cost).bind(base + 9, t.quantity);
    st.bind(base + 10, t.unitPrice).bindStatic(base + 11, t.product);
    st.bindStatic(base + 12, t.category).bindStatic(base + 13, t.channel);
    st.bindStatic(base + 14, t.region);
}

void GeneratedRecordWriter::flush() {
    if (m_pending.size() == kTxBatch) {
        for (int i = 0; i < kTxBatch; ++i) bindTx(m_txBatch, i * kTxColumns, m_pending[std::size_t(i)], ++m_lines);
        run(m_txBatch);
    } else {
        for (const auto& p : m_pending) {
            bindTx(m_tx, 0, p, ++m_lines);
            run(m_tx);
        }
    }
    m_pending.clear();
}

void GeneratedRecordWriter::insertResponse(const GeneratedResponse& r) {
    ++m_responses;
    m_response.bind(1, m_importId).bind(2, m_responses).bind(3, r.customerId);
    m_response.bind(4, r.respondentCode).bind(5, r.ts).bind(6, r.overall);
    m_response.bind(7, r.satisfaction).bind(8, r.recommend).bind(9, r.repurchase);
    run(m_response);
    const std::int64_t responseId = m_db.lastInsertRowId();
    for (std::size_t j = 0; j < r.scores->size(); ++j) {
        const int base = static_cast<int>(j) * 4;
        m_scores.bind(base + 1, responseId).bind(base + 2, m_attributeIds[j]);
        m_scores.bind(base + 3, (*r.scores)[j]).bind(base + 4, (*r.importance)[j]);
    }
    run(m_scores);
}

void GeneratedRecordWriter::insertNote(std::int64_t customerId, std::int64_t ts, const std::string& author,
                                       std::string_view text) {
    m_note.bind(1, m_importId).bind(2, customerId).bind(3, ts).bind(4, author).bindStatic(5, text);
    run(m_note);
}

void GeneratedRecordWriter::insertCostToServe(std::string_view channel, std::string_view activity, double perOrder,
                                              double perCustomerYear) {
    auto st = m_db.prepareOrThrow(
        "INSERT INTO cost_to_serve(import_id, channel, activity, cost_per_order, "
        "cost_per_customer_year) VALUES(?,?,?,?,?)");
    st.bind(1, m_importId).bindStatic(2, channel).bindStatic(3, activity);
    st.bind(4, perOrder).bind(5, perCustomerYear);
    run(st);
}

void GeneratedRecordWriter::writeSetting(const std::string& key, const std::string& jsonValue) {
    auto st = m_db.prepareOrThrow(
        "INSERT INTO settings(key, value) VALUES(?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value=excluded.value");
    st.bind(1, key).bind(2, jsonValue);
    run(st);
}

}  // namespace cw::store
