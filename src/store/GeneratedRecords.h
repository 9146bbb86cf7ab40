#pragma once
// Writes records that a generator made (the demo workbook) as one import: customers, managers,
// transactions, survey responses and scores, notes, cost to serve, settings. Statements are
// prepared once and reused for every row; transactions go many rows per statement. The caller
// owns the write transaction; failures are thrown as SqlError.
//
// Text passed as std::string_view is bound without a copy: it must outlive the call, and for
// queued transactions (product, category, channel, region) until finishImport (the generator
// passes constants of static lifetime).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/Database.h"

namespace cw::store {

struct GeneratedTransaction {
    std::int64_t customerId = 0;
    std::int64_t ts = 0;
    int kind = 0;  ///< 0 sale, 1 return
    double revenue = 0, cost = 0, quantity = 0, unitPrice = 0;
    char code[12] = {};  ///< document number, e.g. "INV-00001234"
    std::string_view product, category, channel, region;
};

struct GeneratedResponse {
    std::int64_t customerId = 0;
    std::string respondentCode;
    std::int64_t ts = 0;
    double overall = 0, satisfaction = 0, recommend = 0, repurchase = 0;
    /// Per service attribute in the order they were inserted; none = not applicable.
    const std::vector<std::optional<double>>* scores = nullptr;
    const std::vector<double>* importance = nullptr;
};

class GeneratedRecordWriter {
public:
    /// `attributes`: the number of service attributes, i.e. scores per survey response.
    GeneratedRecordWriter(Database& db, int attributes);

    /// The `imports` row the records refer to, as if they were one file.
    std::int64_t beginImport(const std::string& contentHash);
    /// Writes the queued transactions and completes the `imports` row.
    void finishImport(std::int64_t records, const std::string& detailsJson);

    void insertAttribute(const std::string& name, double scaleMin, double scaleMax);
    std::int64_t insertManager(const std::string& code, const std::string& name, std::optional<std::int64_t> parentId,
                               const std::string& level, std::optional<std::string_view> region);
    std::int64_t insertCustomer(const std::string& code, const std::string& name, std::string_view region,
                                std::string_view channel, std::int64_t managerId, std::int64_t acquisitionTs);
    void insertTruth(std::int64_t customerId, bool churner, bool shrinking, std::string_view segment);
    /// Queues the row (line numbers follow the order of the calls); written in batches.
    void queueTransaction(const GeneratedTransaction& t);
    void insertResponse(const GeneratedResponse& r);
    void insertNote(std::int64_t customerId, std::int64_t ts, const std::string& author, std::string_view text);
    void insertCostToServe(std::string_view channel, std::string_view activity, double perOrder, double perCustomerYear);
    void writeSetting(const std::string& key, const std::string& jsonValue);

private:
    static constexpr int kTxBatch = 64;
    void run(Statement& st);
    void flush();
    void bindTx(Statement& st, int base, const GeneratedTransaction& t, std::int64_t line);

    Database& m_db;
    std::int64_t m_importId = 0, m_lines = 0, m_responses = 0;
    std::vector<std::int64_t> m_attributeIds;
    Statement m_customer, m_truth, m_tx, m_txBatch, m_response, m_scores, m_note;
    std::vector<GeneratedTransaction> m_pending;
};

}  // namespace cw::store
