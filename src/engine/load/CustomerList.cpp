#include "engine/load/CustomerList.h"

#include "core/Text.h"
#include "core/TextTable.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <sstream>
#include <unordered_map>

#include "core/CivilTime.h"
#include "engine/load/MatrixLoader.h"
#include "store/CustomerQuery.h"
#include "store/Workbook.h"

namespace cw::engine {
namespace {

enum class CellKind { Text, Number, Integer, Date };

struct Cell {
    CellKind kind = CellKind::Text;
    std::optional<double> num;  ///< for numbers and dates
    std::string text;           ///< for text; empty = no value
    int decimals = 2;

    bool missing() const { return kind == CellKind::Text ? text.empty() : !num.has_value(); }
};

std::optional<double> asDouble(const std::optional<std::int64_t>& v) {
    return v ? std::optional<double>(static_cast<double>(*v)) : std::nullopt;
}

const std::vector<std::string>& evidenceColumns() {
    static const std::vector<std::string> c = {"last_purchase", "rhythm_days",    "exit_day",
                                               "prev_revenue",  "recent_revenue", "prev_orders",
                                               "recent_orders"};
    return c;
}

// The value of one column of a row; nullopt when the column does not exist.
std::optional<Cell> cellOf(const CustomerList& l, const CustomerRow& r, std::string_view col) {
    auto text = [](const std::string& s) { return Cell{CellKind::Text, std::nullopt, s}; };
    auto num = [](std::optional<double> v, int decimals = 2) {
        return Cell{CellKind::Number, v, {}, decimals};
    };
    if (col == "code") return text(r.code);
    if (col == "name") return text(r.name);
    if (col == "region") return text(r.region);
    if (col == "channel") return text(r.channel);
    if (col == "manager") return text(r.manager);
    if (col == "segment") return text(r.segment);
    if (col == "revenue") return num(r.revenue);
    if (col == "margin") return num(r.margin);
    if (l.matrix) {
        if (col == "quadrant") return text(r.quadrant);
        if (col == l.matrix->x.metric) return num(r.x);
        if (col == l.matrix->y.metric) return num(r.y);
    }
    if (col == "last_purchase") return Cell{CellKind::Date, asDouble(r.lastDay)};
    if (col == "exit_day") return Cell{CellKind::Date, asDouble(r.exitDay)};
    if (col == "rhythm_days") return num(r.rhythmDays, 1);
    if (col == "prev_revenue") return num(r.prevRevenue);
    if (col == "recent_revenue") return num(r.recentRevenue);
    if (col == "prev_orders") return Cell{CellKind::Integer, asDouble(r.prevOrders), {}, 0};
    if (col == "recent_orders") return Cell{CellKind::Integer, asDouble(r.recentOrders), {}, 0};
    return std::nullopt;
}

std::string formatCell(const Cell& c, const char* missing) {
    if (c.missing()) return missing;
    if (c.kind == CellKind::Text) return c.text;
    if (c.kind == CellKind::Date) return formatDate(static_cast<std::int64_t>(*c.num));
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", c.decimals, *c.num);
    return buf;
}

nlohmann::ordered_json jsonCell(const Cell& c) {
    if (c.missing()) return nullptr;
    switch (c.kind) {
        case CellKind::Text:
            return c.text;
        case CellKind::Date:
            return formatDate(static_cast<std::int64_t>(*c.num));
        case CellKind::Integer:
            return static_cast<std::int64_t>(*c.num);
        case CellKind::Number:
            return *c.num;
    }
    return nullptr;
}

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char l, char r) {
               return std::tolower(static_cast<unsigned char>(l)) ==
                      std::tolower(static_cast<unsigned char>(r));
           });
}

// Same semantics as computeMatrix: OR within a field, AND across fields; managers by name or code.
bool passesFilters(const CustomerRow& r, const std::string& managerCode,
                   const std::vector<MatrixFilter>& filters) {
    for (int f = 0; f < kGroupFieldCount; ++f) {
        bool any = false, ok = false;
        for (const auto& flt : filters) {
            if (static_cast<int>(flt.field) != f) continue;
            any = true;
            const auto field = static_cast<GroupField>(f);
            const std::string& v = field == GroupField::Region    ? r.region
                                   : field == GroupField::Channel ? r.channel
                                   : field == GroupField::Segment ? r.segment
                                                                  : r.manager;
            if (!v.empty() &&
                (v == flt.value || (field == GroupField::Manager && managerCode == flt.value)))
                ok = true;
        }
        if (any && !ok) return false;
    }
    return true;
}

struct SortKey {
    std::string column;
    bool descending = true;
};

Result<SortKey> parseSort(const CustomerList& l, const std::string& sort) {
    SortKey k{"margin", true};
    if (sort.empty()) return k;
    std::string col = sort;
    std::optional<bool> desc;
    if (auto colon = sort.rfind(':'); colon != std::string::npos) {
        const auto dir = sort.substr(colon + 1);
        if (dir == "asc" || dir == "desc") {
            desc = dir == "desc";
            col = sort.substr(0, colon);
        }
    }
    const CustomerRow probe;
    auto cell = cellOf(l, probe, col);
    if (!cell) {
        std::string names;
        for (const auto& c : l.columns) names += (names.empty() ? "" : ", ") + c;
        return makeError(ErrorKind::Usage, "cannot sort by '" + col + "'",
                         "use one of: " + names + " (optionally :asc or :desc)");
    }
    k.column = col;
    // Numbers read best largest first, text alphabetically.
    k.descending = desc.value_or(cell->kind != CellKind::Text);
    return k;
}

void sortRows(const CustomerList& l, std::vector<CustomerRow>& rows, const SortKey& k) {
    std::stable_sort(rows.begin(), rows.end(), [&](const CustomerRow& a, const CustomerRow& b) {
        const Cell ca = *cellOf(l, a, k.column), cb = *cellOf(l, b, k.column);
        // Missing values go last in either direction.
        if (ca.missing() || cb.missing()) return !ca.missing() && cb.missing();
        if (ca.kind == CellKind::Text) return k.descending ? cb.text < ca.text : ca.text < cb.text;
        return k.descending ? *cb.num < *ca.num : *ca.num < *cb.num;
    });
}

struct MatrixPlacement {
    std::unordered_map<std::int64_t, std::size_t> index;  ///< customer id -> point
    MatrixInput input;
    MatrixResult result;
};

Result<MatrixPlacement> placeOnMatrix(store::Workbook& wb, const CustomerListQuery& q) {
    MatrixPlacement p;
    auto in = loadMatrixInput(wb, q.matrix->kind, std::nullopt, q.filters);
    if (!in) return in.takeError();
    p.input = std::move(*in);
    MatrixOptions opt;
    opt.filters = q.filters;
    if (q.thresholds) {
        opt.thresholds = *q.thresholds;
    } else {
        auto t = loadMatrixThresholds(wb, *q.matrix);
        if (!t) return t.takeError();
        opt.thresholds = *t;
    }
    auto r = computeMatrix(*q.matrix, p.input, opt);
    if (!r) return r.takeError();
    p.result = std::move(*r);
    for (std::size_t i = 0; i < p.input.ids.size(); ++i) p.index.emplace(p.input.ids[i], i);
    return p;
}

Result<std::vector<CustomerRow>> readRows(store::Workbook& wb, const CustomerListQuery& q,
                                          const MatrixPlacement* placed,
                                          std::optional<std::int8_t> quadrant) {
    auto segmentation = activeSegmentation(wb);
    if (!segmentation) return segmentation.takeError();
    store::CustomerQuery query;
    query.segmentation = *segmentation;
    query.metrics = {"revenue",      "margin",         "last_day",    "rhythm_days", "exit_day",
                     "prev_revenue", "recent_revenue", "prev_orders", "recent_orders"};
    using Flag = store::CustomerQuery::Flag;
    switch (q.flag) {
    case CustomerFlag::All: query.flag = Flag::Any; break;
    case CustomerFlag::Exits: query.flag = Flag::Exited; break;
    case CustomerFlag::ProfitableExits: query.flag = Flag::ProfitableExit; break;
    case CustomerFlag::Anorexic: query.flag = Flag::Anorexic; break;
    }
    auto st = store::readCustomers(wb.db(), query);
    if (!st) return st.takeError();
    auto day = [&st](std::size_t i) -> std::optional<std::int64_t> {
        const auto v = st->metric(i);
        return v ? std::optional<std::int64_t>(static_cast<std::int64_t>(*v)) : std::nullopt;
    };
    std::vector<CustomerRow> rows;
    while (st->next()) {
        CustomerRow r;
        r.id = st->id();
        r.code = st->code();
        r.name = st->name();
        r.region = st->region();
        r.channel = st->channel();
        const std::string managerCode(st->managerCode());
        r.manager = st->managerLabel();
        r.segment = st->segment();
        r.revenue = st->metric(0);
        r.margin = st->metric(1);
        r.lastDay = day(2);
        r.rhythmDays = st->metric(3);
        r.exitDay = day(4);
        r.prevRevenue = st->metric(5);
        r.recentRevenue = st->metric(6);
        r.prevOrders = day(7);
        r.recentOrders = day(8);
        if (placed) {
            auto it = placed->index.find(r.id);
            if (it == placed->index.end()) continue;
            const auto a = placed->result.assignment[it->second];
            if (a == kFilteredOut || (quadrant && a != *quadrant)) continue;
            const double x = placed->input.xs[it->second], y = placed->input.ys[it->second];
            if (!std::isnan(x)) r.x = x;
            if (!std::isnan(y)) r.y = y;
            r.quadrant = a == kInsufficientData
                             ? kInsufficientName
                             : q.matrix->quadrants[static_cast<std::size_t>(a)].name;
        } else if (!passesFilters(r, managerCode, q.filters)) {
            continue;
        }
        rows.push_back(std::move(r));
    }
    if (auto status = st->status(); !status) return status.takeError();
    return rows;
}

std::vector<std::string> columnsFor(const CustomerListQuery& q) {
    std::vector<std::string> c = {"code", "name", "region", "channel", "manager", "segment"};
    if (q.matrix) {
        // The margin axis is already the margin column.
        for (const auto* m : {&q.matrix->x.metric, &q.matrix->y.metric})
            if (*m != "margin" && *m != "revenue") c.push_back(*m);
        c.push_back("quadrant");
    }
    c.push_back("revenue");
    c.push_back("margin");
    if (q.flag != CustomerFlag::All)
        c.insert(c.end(), evidenceColumns().begin(), evidenceColumns().end());
    return c;
}

}  // namespace

Status CustomerListQuery::validate() const {
    if (matrix && matrix->points != PointKind::Customer)
        return makeError(ErrorKind::Usage,
                         "the " + matrix->name + " matrix plots service attributes, not customers",
                         "choose a customer matrix");
    if (quadrant && !matrix)
        return makeError(ErrorKind::Usage, "a quadrant needs a matrix", "add --matrix NAME");
    if (limit < 0) return makeError(ErrorKind::Usage, "the limit must not be negative");
    if (thresholds) return thresholds->validate();
    return {};
}

Result<CustomerList> listCustomers(store::Workbook& wb, const CustomerListQuery& q) {
    if (auto st = q.validate(); !st) return st.error();
    if (auto st = checkAnalysed(wb); !st) return st.error();
    CustomerList l;
    l.matrix = q.matrix;
    l.flag = q.flag;
    l.columns = columnsFor(q);
    auto key = parseSort(l, q.sort);
    if (!key) return key.takeError();

    std::optional<std::int8_t> quadrant;
    if (q.quadrant) {
        if (equalsIgnoreCase(*q.quadrant, kInsufficientName)) {
            quadrant = kInsufficientData;
        } else {
            auto found = findQuadrant(*q.matrix, *q.quadrant);
            if (!found) return found.takeError();
            quadrant = static_cast<std::int8_t>(*found);
        }
    }
    try {
        std::optional<MatrixPlacement> placed;
        if (q.matrix) {
            auto p = placeOnMatrix(wb, q);
            if (!p) return p.takeError();
            placed = std::move(*p);
            l.xThreshold = placed->result.total.x;
            l.yThreshold = placed->result.total.y;
        }
        auto rows = readRows(wb, q, placed ? &*placed : nullptr, quadrant);
        if (!rows) return rows.takeError();
        l.rows = std::move(*rows);
    } catch (const store::SqlError& e) {
        return makeError(ErrorKind::Internal, e.message);
    }
    sortRows(l, l.rows, *key);
    l.matched = static_cast<std::int64_t>(l.rows.size());
    if (q.limit > 0 && l.matched > q.limit) l.rows.resize(static_cast<std::size_t>(q.limit));
    return l;
}

std::string customersToJson(const CustomerList& l) {
    nlohmann::ordered_json j;
    j["matrix"] =
        l.matrix ? nlohmann::ordered_json(l.matrix->name) : nlohmann::ordered_json(nullptr);
    if (l.matrix) {
        auto t = [](const ResolvedThreshold& r) {
            return nlohmann::ordered_json{{"mode", toString(r.mode)},
                                          {"value", r.value ? nlohmann::ordered_json(*r.value)
                                                            : nlohmann::ordered_json(nullptr)}};
        };
        j["thresholds"] = {{"x", t(l.xThreshold)}, {"y", t(l.yThreshold)}};
    }
    j["matched"] = l.matched;
    j["columns"] = l.columns;
    j["customers"] = nlohmann::ordered_json::array();
    for (const auto& r : l.rows) {
        nlohmann::ordered_json o = nlohmann::ordered_json::object();
        for (const auto& c : l.columns) o[c] = jsonCell(*cellOf(l, r, c));
        j["customers"].push_back(std::move(o));
    }
    return j.dump();
}

std::string customersToText(const CustomerList& l) {
    std::vector<std::vector<std::string>> cells{l.columns};
    std::vector<bool> numeric;
    const CustomerRow probe;
    for (const auto& c : l.columns) numeric.push_back(cellOf(l, probe, c)->kind != CellKind::Text);
    for (const auto& r : l.rows) {
        std::vector<std::string> row;
        for (const auto& c : l.columns) {
            const Cell cell = *cellOf(l, r, c);
            row.push_back(formatCell(cell, "n/a"));
        }
        cells.push_back(std::move(row));
    }
    std::vector<text::Align> align;
    for (bool n : numeric) align.push_back(n ? text::Align::Right : text::Align::Left);
    std::ostringstream out;
    out << text::renderTable(cells, align);
    out << l.rows.size() << " of " << l.matched << " customers\n";
    return out.str();
}

std::string customersToCsv(const CustomerList& l) {
    auto field = [](const std::string& s) {
        if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
        std::string q = "\"";
        for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
        return q + '"';
    };
    std::ostringstream out;
    for (std::size_t c = 0; c < l.columns.size(); ++c) out << (c ? "," : "") << l.columns[c];
    out << '\n';
    for (const auto& r : l.rows) {
        for (std::size_t c = 0; c < l.columns.size(); ++c) {
            Cell cell = *cellOf(l, r, l.columns[c]);
            if (cell.kind == CellKind::Number) cell.decimals = 6;  // CSV keeps precision
            // Text from the input is kept from being read as a spreadsheet formula (OWASP).
            const std::string v = formatCell(cell, "");
            out << (c ? "," : "") << field(cell.kind == CellKind::Text ? text::neutralizeFormula(v) : v);
        }
        out << '\n';
    }
    return out.str();
}

}  // namespace cw::engine
