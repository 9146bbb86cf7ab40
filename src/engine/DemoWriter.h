#pragma once
// Writes the demo population through the store's writer of generated records: this
// class turns the generator's specs into records and numbers the documents. The caller
// owns the transaction; failures are thrown as store::SqlError.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/DemoFeedback.h"
#include "engine/DemoPopulation.h"
#include "engine/DemoTimeline.h"
#include "store/GeneratedRecords.h"

namespace cw::engine::demo {

class DemoWriter {
public:
    /// `attributes`: the number of service attributes, i.e. scores per survey answer.
    DemoWriter(store::Database& db, int attributes);

    /// The `imports` row that generated rows refer to, as if the demo were one file.
    std::int64_t beginImport(const std::string& contentHash);
    /// Flushes the pending transactions and completes the `imports` row.
    void finishImport(std::int64_t records, const std::string& detailsJson);
    void writeAttributes(const std::vector<std::string>& names);
    void writeManagers(std::vector<ManagerSpec>& managers);
    void writeCustomer(CustomerSpec& c, const std::string& code, const std::string& name,
                       const std::vector<ManagerSpec>& managers);
    void writeTruth(const CustomerSpec& c);
    /// Queues the rows; they are written in batches (and at the latest by finishImport).
    void writeTransactions(const CustomerSpec& c, const std::vector<TxRow>& rows);
    void writeAnswers(const CustomerSpec& c, const std::vector<SurveyAnswer>& answers);
    void writeNotes(const CustomerSpec& c, const std::string& author,
                    const std::vector<NoteDraft>& notes);
    void writeCostToServe();
    void writeSetting(const std::string& key, const std::string& jsonValue);

    std::int64_t transactions() const { return m_transactions; }
    std::int64_t responses() const { return m_responses; }
    std::int64_t notes() const { return m_notes; }

private:
    store::GeneratedRecordWriter m_out;
    std::int64_t m_transactions = 0, m_orders = 0, m_returns = 0;
    std::int64_t m_responses = 0, m_notes = 0;
};

}  // namespace cw::engine::demo
