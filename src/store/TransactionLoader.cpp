// Transactions: sales and returns, linked to customers (created on first sight
// when the file carries no customer table), anonymous sales kept apart.
//
// Large files are loaded by two threads: a parser thread reads and validates
// records and resolves customers (assigning ids to new ones itself), while the
// calling thread, which owns the SQLite connection, writes the rows. Batches
// pass through a small bounded queue, so memory stays flat.
#include <chrono>
#include <algorithm>
#include <cmath>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include <spdlog/spdlog.h>

#include "core/Log.h"
#include "store/ImportContext.h"

namespace cw::store::detail {
namespace {

// Field positions resolved once: the per-record path does no name lookups.
enum Col { kCustomer, kDate, kQuantity, kUnitPrice, kRevenue, kCost, kUnitCost, kCode, kProduct, kCategory,
           kChannel, kRegion, kColCount };
const char* const kFieldNames[kColCount] = {"customer_id", "date", "quantity", "unit_price", "revenue", "cost",
                                            "unit_cost", "transaction_id", "product", "category", "channel", "region"};
constexpr int kTextCols[] = {kCode, kProduct, kCategory, kChannel, kRegion};
constexpr int kTextCount = 5;

struct ParsedTransaction {
    std::string_view customer;  // normalised id (views into the loader's buffer or the record)
    std::int64_t ts = 0;
    bool isReturn = false;
    double revenue = 0;
    std::optional<double> cost, quantity, unitPrice;
};

// A parsed row as it travels to the writer; text lives in the batch's arena.
struct Row {
    std::int64_t line = 0;
    std::int64_t customerId = 0;  // 0: anonymous
    bool newCustomer = false;
    ParsedTransaction t;
    std::uint32_t textOff[kTextCount] = {};
    std::uint32_t textLen[kTextCount] = {};
    std::uint32_t codeOff = 0, codeLen = 0;  // the customer's code (normalised), in the batch text
    std::uint64_t codeHash = 0;              // CodeMap::hashOf(code); 0 with no code
    bool hasCode = false;
};

struct Batch {
    std::vector<Row> rows;
    std::vector<std::pair<std::int64_t, Reject>> rejects;  // (index in the record order, reject)
    std::string text;
    std::int64_t records = 0;
    std::int64_t bytes = 0;
    std::string_view str(std::uint32_t off, std::uint32_t len) const { return {text.data() + off, len}; }
};

// Bounded single-producer single-consumer queue of batches.
class BatchQueue {
public:
    bool push(Batch&& b) {
        std::unique_lock lock(m_mutex);
        m_cv.wait(lock, [&] { return m_items.size() < kDepth || m_stop; });
        if (m_stop) return false;
        m_items.push_back(std::move(b));
        m_cv.notify_all();
        return true;
    }
    bool pop(Batch& b) {
        std::unique_lock lock(m_mutex);
        m_cv.wait(lock, [&] { return !m_items.empty() || m_done || m_stop; });
        if (m_items.empty()) return false;
        b = std::move(m_items.front());
        m_items.pop_front();
        m_cv.notify_all();
        return true;
    }
    void finish() { set(m_done); }
    void stop() { set(m_stop); }

private:
    void set(bool& flag) {
        std::lock_guard lock(m_mutex);
        flag = true;
        m_cv.notify_all();
    }
    static constexpr std::size_t kDepth = 4;
    std::mutex m_mutex;
    std::condition_variable m_cv;
    std::deque<Batch> m_items;
    bool m_done = false, m_stop = false;
};

class TransactionLoader final : public TableLoader {
public:
    Status begin(ImportContext& ctx) override {
        for (int i = 0; i < kColCount; ++i) {
            m_name[i] = kFieldNames[i];
            m_col[i] = ctx.columns.col(m_name[i]);
        }
        m_returnPrefix = ctx.profile.returnPrefix;
        m_negQtyReturn = ctx.profile.negativeQuantityIsReturn;
        if (!ctx.db) return {};
        m_codes = loadCodes(*ctx.db, "customers");
        m_nextCustomerId = ctx.db->queryInt("SELECT coalesce(max(id), 0) + 1 FROM customers").value_or(1);
        m_customersBefore = ctx.db->queryInt("SELECT count(*) FROM customers").value_or(0);
        m_insert = ctx.db->prepareOrThrow(insertSql(1));
        m_insertMany = ctx.db->prepareOrThrow(insertSql(kRowsPerInsert));
        m_newCustomer = ctx.db->prepareOrThrow(newCustomerSql(1));
        // Building the customer index once after a bulk load is much faster than keeping it
        // up to date row by row; worth it when the table is small next to the file.
        auto existing = ctx.db->queryInt("SELECT count(*) FROM transactions").value_or(0);
        if (existing < 200000) {
            m_rebuildIndex = true;
            if (auto st = ctx.db->exec("DROP INDEX IF EXISTS transactions_customer"); !st) return st;
        }
        return {};
    }

    std::optional<Reject> load(ImportContext& ctx, const csv::Record& r) override {
        Batch b;
        if (auto bad = toRow(ctx, r, b)) return bad;
        resolveCustomers(b);
        if (ctx.db) write(ctx, b, b.rows.front());
        return std::nullopt;
    }

    std::optional<Status> runAll(ImportContext& ctx, csv::Reader& reader, const ProgressFn& progress) override {
        if (!ctx.db) return std::nullopt;
        BatchQueue queue;
        std::optional<Error> readError;
        std::thread parser([&] { parseAll(ctx, reader, queue, readError); });
        Status status;
        Batch b;
        const auto total = reader.totalBytes();
        try {
            while (queue.pop(b)) {
                writeBatch(ctx, b);
                for (auto& [index, reject] : b.rejects) countOutcome(ctx, std::move(reject));
                for (std::size_t i = 0; i < b.rows.size(); ++i) countOutcome(ctx, std::nullopt);
                if (progress && !progress({"reading", b.bytes, total})) {
                    status = makeError(ErrorKind::Cancelled, "import cancelled; nothing was stored");
                    break;
                }
            }
        } catch (...) {
            queue.stop();
            parser.join();
            throw;
        }
        queue.stop();
        parser.join();
        if (status.ok() && readError) return Status(*readError);
        return status;
    }

    Status finish(ImportContext& ctx) override {
        if (!ctx.db) return {};
        createPendingCustomers(ctx);
        if (!m_rebuildIndex) return {};
        const auto t0 = std::chrono::steady_clock::now();
        // SQLite's sorter sizes its in-memory runs by the page cache: 2 MiB runs merge faster
        // than one large run. Sorted on this thread alone: the sorter's helper threads save
        // about 0.05 s of 1M rows but cost 0.2 s more CPU (bench/import.sh).
        const auto cache = ctx.db->queryInt("PRAGMA cache_size").value_or(-65536);
        (void)ctx.db->exec("PRAGMA cache_size=-2048; PRAGMA threads=0");
        auto st = ctx.db->exec("CREATE INDEX IF NOT EXISTS transactions_customer ON transactions(customer_id, ts)");
        (void)ctx.db->exec("PRAGMA threads=2; PRAGMA cache_size=" + std::to_string(cache));
        log::get("store")->debug("import: transactions index built in {:.3f} s",
                                 std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
        return st;
    }

    std::vector<std::string> previewColumns() const override {
        return {"customer", "date", "kind", "revenue", "cost", "quantity", "unit price"};
    }

    std::vector<std::string> previewValues(ImportContext& ctx, const csv::Record& r) override {
        ParsedTransaction t;
        if (parse(ctx, r, t)) return {};
        auto num = [](const std::optional<double>& v) { return v ? fmtNum(*v) : std::string(); };
        return {t.customer.empty() ? "(anonymous)" : std::string(t.customer), formatDateTime(t.ts),
                t.isReturn ? "return" : "sale", fmtNum(t.revenue), num(t.cost), num(t.quantity), num(t.unitPrice)};
    }

private:
    // Customers first seen in the file, created after the rows: their code index takes random
    // inserts, which stay in the page cache only when the rows' pages are not streaming
    // through it at the same time (0.35 s of 1M rows and 100k new customers otherwise).
    struct PendingCustomers {
        struct Entry {
            std::int64_t id;
            std::uint32_t off[3], len[3];
        };
        std::vector<Entry> entries;
        std::string text;
        void add(std::int64_t id, std::string_view code, std::string_view region, std::string_view channel) {
            Entry e{id, {}, {}};
            std::string_view parts[3] = {code, region, channel};
            for (int i = 0; i < 3; ++i) {
                e.off[i] = static_cast<std::uint32_t>(text.size());
                e.len[i] = static_cast<std::uint32_t>(parts[i].size());
                text.append(parts[i]);
            }
            entries.push_back(e);
        }
        std::string_view str(const Entry& e, int i) const { return {text.data() + e.off[i], e.len[i]}; }
    };

    void createPendingCustomers(ImportContext& ctx) {
        if (m_pending.entries.empty()) return;
        const auto cache = ctx.db->queryInt("PRAGMA cache_size").value_or(-2048);
        (void)ctx.db->exec("PRAGMA cache_size=-32768");
        const auto tc = std::chrono::steady_clock::now();
        auto bindEntry = [&](Statement& c, const PendingCustomers::Entry& e, int base) {
            c.bind(base + 1, e.id).bindStatic(base + 2, m_pending.str(e, 0));
            bindText(c, base + 3, m_pending.str(e, 1));
            bindText(c, base + 4, m_pending.str(e, 2));
            c.bind(base + 5, ctx.importId);
        };
        // Many new customers next to those stored: the code index is dropped and built again
        // sorted, which costs less than a random insert per customer (1M new customers: most of
        // the time creating them). The code map gave every new code once and none stored, and
        // building the unique index checks that again: a duplicate fails the import.
        const auto pending = static_cast<std::int64_t>(m_pending.entries.size());
        const bool rebuild = pending >= 10000 && pending >= m_customersBefore;
        if (rebuild)
            if (auto st = ctx.db->exec("DROP INDEX customers_code"); !st) throw SqlError{st.error().message};
        // Several customers per INSERT, as the rows (fewer statement executions).
        const auto& all = m_pending.entries;
        std::size_t i = 0;
        if (all.size() >= kRowsPerInsert) {
            Statement many = ctx.db->prepareOrThrow(newCustomerSql(kRowsPerInsert));
            for (; i + kRowsPerInsert <= all.size(); i += kRowsPerInsert) {
                for (int k = 0; k < kRowsPerInsert; ++k) bindEntry(many, all[i + std::size_t(k)], k * 5);
                if (!many.exec()) throw SqlError{"cannot create customers: " + many.lastError()};
            }
        }
        for (; i < all.size(); ++i) {
            bindEntry(m_newCustomer, all[i], 0);
            if (!m_newCustomer.exec()) throw SqlError{"cannot create customer: " + m_newCustomer.lastError()};
        }
        if (rebuild)
            if (auto st = ctx.db->exec("CREATE UNIQUE INDEX customers_code ON customers(code)"); !st)
                throw SqlError{st.error().message};
        ctx.report->customersCreated += static_cast<std::int64_t>(m_pending.entries.size());
        log::get("store")->debug("import: {} customers created in {:.3f} s", m_pending.entries.size(),
                                 std::chrono::duration<double>(std::chrono::steady_clock::now() - tc).count());
        m_pending = {};
        (void)ctx.db->exec("PRAGMA cache_size=" + std::to_string(cache));
    }

    static std::string fmtNum(double v) {
        char b[32];
        std::snprintf(b, sizeof b, "%.6g", v);
        return b;
    }
    static void bindText(Statement& s, int i, std::string_view v) {
        if (v.empty()) s.bindNull(i); else s.bindStatic(i, v);
    }
    std::string_view get(const ImportContext& ctx, const csv::Record& r, Col c) const { return ctx.at(r, m_col[c]); }

    static std::uint32_t append(Batch& b, std::string_view s) {
        auto off = static_cast<std::uint32_t>(b.text.size());
        b.text.append(s);
        return off;
    }

    // Parser side: validates a record and appends its row to the batch (no SQL).
    std::optional<Reject> toRow(ImportContext& ctx, const csv::Record& r, Batch& b) {
        Row row;
        row.line = r.line;
        if (auto bad = parse(ctx, r, row.t)) return bad;
        if (!row.t.customer.empty() && ctx.db) {  // resolved for the whole batch: resolveCustomers()
            row.hasCode = true;
            row.codeHash = CodeMap::hashOf(row.t.customer);
            row.codeLen = static_cast<std::uint32_t>(row.t.customer.size());
            row.codeOff = append(b, row.t.customer);
        }
        for (int i = 0; i < kTextCount; ++i) {
            auto v = get(ctx, r, static_cast<Col>(kTextCols[i]));
            row.textLen[i] = static_cast<std::uint32_t>(v.size());
            row.textOff[i] = append(b, v);
        }
        row.t.customer = {};
        b.rows.push_back(row);
        return std::nullopt;
    }

    // Customer codes -> ids for a batch's rows, in record order (a code new to the workbook gets
    // the next id at its first row). The code map is far larger than the cache, so each lookup
    // would wait for two misses (its slot, then its key text): they are prefetched kAhead and
    // 2 x kAhead rows before the lookup (8 % of an import's CPU time at 10M rows otherwise).
    void resolveCustomers(Batch& b) {
        constexpr std::size_t kAhead = 8;
        auto& rows = b.rows;
        const std::size_t n = rows.size();
        for (std::size_t i = 0; i < n + 2 * kAhead; ++i) {
            if (i < n && rows[i].hasCode) m_codes.prefetchSlot(rows[i].codeHash);
            if (i >= kAhead && i - kAhead < n && rows[i - kAhead].hasCode) m_codes.prefetchKey(rows[i - kAhead].codeHash);
            if (i < 2 * kAhead || i - 2 * kAhead >= n) continue;
            Row& row = rows[i - 2 * kAhead];
            if (!row.hasCode) continue;
            const auto code = b.str(row.codeOff, row.codeLen);
            if (const auto* id = m_codes.find(code, row.codeHash)) {
                row.customerId = *id;
            } else {
                row.customerId = m_nextCustomerId++;
                row.newCustomer = true;
                m_codes.set(code, row.codeHash, row.customerId);
            }
        }
    }

    void parseAll(ImportContext& ctx, csv::Reader& reader, BatchQueue& queue, std::optional<Error>& readError) {
        constexpr std::int64_t kBatch = 4096;
        csv::Record r;
        Batch b;
        bool more = true;
        while (more) {
            more = reader.next(r);
            if (more) {
                auto bad = checkFieldCount(ctx, r);
                if (!bad) bad = toRow(ctx, r, b);
                if (bad) b.rejects.emplace_back(b.records, std::move(*bad));
                ++b.records;
            }
            if (b.records == kBatch || (!more && b.records > 0)) {
                resolveCustomers(b);
                b.bytes = reader.bytesConsumed();
                if (!queue.push(std::move(b))) return;  // the writer stopped (cancel or error)
                b = Batch();
            }
        }
        if (reader.error()) readError = *reader.error();
        queue.finish();
    }

    static std::string newCustomerSql(std::size_t rows) {
        std::string sql = "INSERT INTO customers(id, code, region, channel, origin, import_id) VALUES";
        for (std::size_t i = 0; i < rows; ++i) sql += i ? ",(?,?,?,?,'transactions',?)" : "(?,?,?,?,'transactions',?)";
        return sql;
    }

    static std::string insertSql(int rows) {
        std::string sql =
            "INSERT INTO transactions(import_id, line, customer_id, code, ts, kind, revenue, cost, quantity, "
            "unit_price, product, category, channel, region) VALUES";
        for (int i = 0; i < rows; ++i) sql += i ? ",(?,?,?,?,?,?,?,?,?,?,?,?,?,?)" : "(?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
        return sql;
    }

    // Writer side: a batch's rows, several per INSERT (fewer statement executions).
    void writeBatch(ImportContext& ctx, const Batch& b) {
        std::size_t i = 0;
        for (; i + kRowsPerInsert <= b.rows.size(); i += kRowsPerInsert) {
            for (int k = 0; k < kRowsPerInsert; ++k) bindRow(ctx, b, b.rows[i + k], m_insertMany, k * kParams);
            if (!m_insertMany.exec()) throw SqlError{"cannot insert transactions: " + m_insertMany.lastError()};
        }
        for (; i < b.rows.size(); ++i) write(ctx, b, b.rows[i]);
    }

    // Writer side: the row (and its new customer) into the workbook.
    void write(ImportContext& ctx, const Batch& b, const Row& row) {
        bindRow(ctx, b, row, m_insert, 0);
        if (!m_insert.exec()) throw SqlError{"cannot insert transaction: " + m_insert.lastError()};
    }

    // Binds a row's values at parameters base+1…base+14 (creating its new customer first).
    void bindRow(ImportContext& ctx, const Batch& b, const Row& row, Statement& s, int base) {
        auto text = [&](int i) { return b.str(row.textOff[i], row.textLen[i]); };
        if (row.newCustomer) m_pending.add(row.customerId, b.str(row.codeOff, row.codeLen), text(4), text(3));
        const auto& t = row.t;
        s.bind(base + 1, ctx.importId).bind(base + 2, row.line);
        if (row.customerId) {
            s.bind(base + 3, row.customerId);
        } else {
            s.bindNull(base + 3);
            ++ctx.report->anonymous;
        }
        bindText(s, base + 4, text(0));
        s.bind(base + 5, t.ts).bind(base + 6, t.isReturn ? 1 : 0).bind(base + 7, t.revenue);
        s.bind(base + 8, t.cost).bind(base + 9, t.quantity).bind(base + 10, t.unitPrice);
        for (int i = 1; i < kTextCount; ++i) bindText(s, base + 10 + i, text(i));
        if (t.isReturn) ++ctx.report->returns;
    }

    std::optional<Reject> parse(ImportContext& ctx, const csv::Record& r, ParsedTransaction& t) {
        std::optional<Reject> bad;
        auto rawId = get(ctx, r, kCustomer);
        if (!rawId.empty()) {
            m_idBuf = csv::normalizeId(rawId);
            t.customer = m_idBuf;
        }
        auto ts = dateAt(ctx, r, m_col[kDate], m_name[kDate], bad);
        if (!ts && !bad) return ctx.reject(r, "date", "missing_date", "the transaction has no date");
        t.quantity = numberAt(ctx, r, m_col[kQuantity], m_name[kQuantity], bad);
        t.unitPrice = numberAt(ctx, r, m_col[kUnitPrice], m_name[kUnitPrice], bad);
        auto revenue = numberAt(ctx, r, m_col[kRevenue], m_name[kRevenue], bad);
        auto cost = numberAt(ctx, r, m_col[kCost], m_name[kCost], bad);
        auto unitCost = numberAt(ctx, r, m_col[kUnitCost], m_name[kUnitCost], bad);
        if (bad) return bad;
        t.ts = *ts;
        if (t.unitPrice && *t.unitPrice < 0)
            return ctx.reject(r, "unit_price", "negative_price",
                              "negative unit price: an accounting adjustment, not a sale (left out of the analysis)");
        if (revenue) {
            t.revenue = *revenue;
        } else if (t.quantity && t.unitPrice) {
            t.revenue = *t.quantity * *t.unitPrice;
        } else {
            return ctx.reject(r, ctx.columns.has("revenue") ? "revenue" : "unit_price", "missing_revenue",
                              "no revenue (and no quantity x unit price) for this transaction");
        }
        if (cost) t.cost = *cost;
        else if (unitCost && t.quantity) t.cost = std::abs(*t.quantity) * *unitCost;
        auto code = get(ctx, r, kCode);
        t.isReturn = (!m_returnPrefix.empty() && code.starts_with(m_returnPrefix)) ||
                     (m_negQtyReturn && t.quantity && *t.quantity < 0) || t.revenue < 0;
        if (t.isReturn) {  // returns are stored with negative revenue and cost, whatever the file's sign
            t.revenue = -std::abs(t.revenue);
            if (t.cost) t.cost = -std::abs(*t.cost);
        }
        if (!std::isfinite(t.revenue))
            return ctx.reject(r, "revenue", "invalid_number", "revenue is not a finite number");
        return std::nullopt;
    }

    int m_col[kColCount] = {};
    std::string m_name[kColCount];
    std::string m_returnPrefix;
    bool m_negQtyReturn = true;
    bool m_rebuildIndex = false;
    CodeMap m_codes;  // parser side once runAll has started
    std::int64_t m_nextCustomerId = 1;
    std::int64_t m_customersBefore = 0;  ///< customers stored when the import began
    static constexpr int kRowsPerInsert = 32;
    static constexpr int kParams = 14;
    Statement m_insert, m_insertMany, m_newCustomer;
    PendingCustomers m_pending;  // writer side
    std::string m_idBuf;
};

}  // namespace

std::unique_ptr<TableLoader> makeTransactionLoader() { return std::make_unique<TransactionLoader>(); }

}  // namespace cw::store::detail
