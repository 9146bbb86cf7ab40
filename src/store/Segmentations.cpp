#include "store/Segmentations.h"

#include <limits>

namespace cw::store {

Result<std::optional<std::int64_t>> findSegmentation(Database& db, const std::string& name) {
    try {
        const auto row = readSegmentation(db, name);
        return row ? std::optional<std::int64_t>(row->id) : std::nullopt;
    } catch (const SqlError& e) {
        return sqliteError(db, e);
    }
}

std::vector<SegmentMember> readSegmentMembers(Database& db, const std::string& name) {
    auto st = db.prepareOrThrow(
        "SELECT cs.customer_id, s.label FROM customer_segments cs JOIN segments s ON s.id = cs.segment_id "
        "JOIN segmentations g ON g.id = cs.segmentation_id WHERE g.name = ?");
    st.bind(1, name);
    std::vector<SegmentMember> out;
    while (st.step()) out.push_back({st.int64(0), st.text(1)});
    if (!st.lastError().empty()) throw SqlError{"reading segment memberships: " + st.lastError()};
    return out;
}

namespace {

SegmentationRow segmentationOf(const Statement& st) {
    return {st.int64(0), st.text(1), st.text(2), st.text(3), st.text(4), st.text(5), st.text(6)};
}

void execOrThrow(Statement& st, const std::string& what) {
    if (!st.exec()) throw SqlError{what + ": " + st.lastError()};
}

constexpr const char* kSegmentationColumns = "SELECT id, name, method, definition, quality, created_at, updated_at FROM segmentations ";

}  // namespace

std::optional<SegmentationRow> readSegmentation(Database& db, const std::string& name) {
    auto st = db.prepareOrThrow(std::string(kSegmentationColumns) + "WHERE name = ?");
    st.bind(1, name);
    if (!st.step()) {
        if (!st.lastError().empty()) throw SqlError{"reading the segmentations: " + st.lastError()};
        return std::nullopt;
    }
    return segmentationOf(st);
}

std::vector<SegmentationRow> readSegmentations(Database& db) {
    auto st = db.prepareOrThrow(std::string(kSegmentationColumns) + "ORDER BY id");
    std::vector<SegmentationRow> out;
    while (st.step()) out.push_back(segmentationOf(st));
    if (!st.lastError().empty()) throw SqlError{"reading the segmentations: " + st.lastError()};
    return out;
}

std::vector<SegmentRow> readSegments(Database& db, std::int64_t segmentationId) {
    auto st = db.prepareOrThrow(
        "SELECT s.id, s.ordinal, s.label, s.definition, (SELECT count(*) FROM customer_segments c "
        "WHERE c.segment_id = s.id) FROM segments s WHERE s.segmentation_id = ? ORDER BY s.ordinal");
    st.bind(1, segmentationId);
    std::vector<SegmentRow> out;
    while (st.step()) out.push_back({st.int64(0), st.int64(1), st.text(2), st.text(3), st.int64(4)});
    if (!st.lastError().empty()) throw SqlError{"reading the segments: " + st.lastError()};
    return out;
}

std::vector<std::pair<std::int64_t, std::int64_t>> readMemberships(Database& db, std::int64_t segmentationId) {
    auto st = db.prepareOrThrow(
        "SELECT customer_id, segment_id FROM customer_segments WHERE segmentation_id = ? ORDER BY customer_id");
    st.bind(1, segmentationId);
    std::vector<std::pair<std::int64_t, std::int64_t>> out;
    while (st.step()) out.emplace_back(st.int64(0), st.int64(1));
    if (!st.lastError().empty()) throw SqlError{"reading segment memberships: " + st.lastError()};
    return out;
}

std::int64_t insertSegmentation(WriteTransaction& tx, const SegmentationRow& r) {
    auto st = tx.db().prepareOrThrow(
        "INSERT INTO segmentations(id, name, method, definition, quality, created_at, updated_at) VALUES(?,?,?,?,?,?,?)");
    st.bind(1, r.id > 0 ? std::optional<std::int64_t>(r.id) : std::nullopt);
    st.bind(2, r.name).bind(3, r.method).bind(4, r.definitionJson).bind(5, r.qualityJson);
    st.bind(6, r.createdAt).bind(7, r.updatedAt);
    execOrThrow(st, "storing segmentation '" + r.name + "'");
    return tx.db().lastInsertRowId();
}

std::int64_t insertSegment(WriteTransaction& tx, std::int64_t segmentationId, const SegmentRow& r) {
    auto st = tx.db().prepareOrThrow(
        "INSERT INTO segments(id, segmentation_id, ordinal, label, definition) VALUES(?,?,?,?,?)");
    st.bind(1, r.id > 0 ? std::optional<std::int64_t>(r.id) : std::nullopt);
    st.bind(2, segmentationId).bind(3, r.ordinal).bind(4, r.label).bind(5, r.definitionJson);
    execOrThrow(st, "storing segment '" + r.label + "'");
    return tx.db().lastInsertRowId();
}

// Memberships in multi-row INSERTs: one statement step per 128 customers.
void insertMemberships(WriteTransaction& tx, std::int64_t segmentationId, const std::vector<std::int64_t>& customerId,
                       const std::vector<std::int64_t>& segmentOf) {
    auto& db = tx.db();
    constexpr std::size_t kRows = 128;
    auto insertSql = [](std::size_t rows) {
        return multiRowInsert("INSERT INTO customer_segments(segmentation_id, customer_id, segment_id)", 3, int(rows));
    };
    auto many = db.prepareOrThrow(insertSql(kRows));
    const std::size_t n = customerId.size();
    for (std::size_t start = 0; start < n; start += kRows) {
        const std::size_t rows = std::min(kRows, n - start);
        auto partial = rows == kRows ? Statement() : db.prepareOrThrow(insertSql(rows));
        auto& st = rows == kRows ? many : partial;
        for (std::size_t r = 0; r < rows; ++r) {
            const std::size_t i = start + r;
            const int p = int(3 * r);
            st.bind(p + 1, segmentationId).bind(p + 2, customerId[i]).bind(p + 3, segmentOf[i]);
        }
        execOrThrow(st, "storing segment memberships");
        st.reset();
    }
}

void renameSegmentationRow(WriteTransaction& tx, std::int64_t segmentationId, const std::string& name) {
    auto st = tx.db().prepareOrThrow("UPDATE segmentations SET name = ? WHERE id = ?");
    st.bind(1, name).bind(2, segmentationId);
    execOrThrow(st, "renaming the segmentation");
}

void deleteSegmentationRows(WriteTransaction& tx, std::int64_t segmentationId) {
    for (const char* sql : {"DELETE FROM customer_segments WHERE segmentation_id = ?",
                            "DELETE FROM segments WHERE segmentation_id = ?", "DELETE FROM segmentations WHERE id = ?"}) {
        auto del = tx.db().prepareOrThrow(sql);
        del.bind(1, segmentationId);
        execOrThrow(del, "deleting the segmentation");
    }
}

Result<MetricColumns> readMetricColumns(Database& db, const std::vector<std::string>& columns) {
    try {
        if (auto e = unknownMetricColumn(db, columns)) return *e;
        std::string sql = "SELECT customer_id";
        for (const auto& c : columns) sql += ", " + c;
        sql += " FROM customer_metrics ORDER BY customer_id";
        auto st = db.prepareOrThrow(sql);
        MetricColumns t;
        const int n = static_cast<int>(columns.size());
        while (st.step()) {
            t.customerId.push_back(st.int64(0));
            for (int j = 1; j <= n; ++j)
                t.values.push_back(st.isNull(j) ? std::numeric_limits<double>::quiet_NaN() : st.real(j));
        }
        if (!st.lastError().empty())
            return makeError(ErrorKind::Internal, "reading customer metrics: " + st.lastError());
        return t;
    } catch (const SqlError& e) {
        return sqliteError(db, e);
    }
}

}  // namespace cw::store
