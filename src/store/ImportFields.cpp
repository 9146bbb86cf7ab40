// Target tables and fields of the importer, as named in profiles and --map.
#include <algorithm>
#include <cctype>

#include "store/Importer.h"

namespace cw::store {

std::optional<TargetTable> parseTargetTable(std::string_view name) {
    std::string n(name);
    std::transform(n.begin(), n.end(), n.begin(), [](unsigned char c) { return std::tolower(c); });
    if (n == "transactions" || n == "transaction") return TargetTable::Transactions;
    if (n == "customers" || n == "customer") return TargetTable::Customers;
    if (n == "managers" || n == "manager") return TargetTable::Managers;
    if (n == "survey" || n == "surveys" || n == "survey_responses") return TargetTable::Survey;
    if (n == "cost_to_serve" || n == "cost-to-serve" || n == "costs") return TargetTable::CostToServe;
    if (n == "notes" || n == "note") return TargetTable::Notes;
    return std::nullopt;
}

std::string_view targetTableName(TargetTable t) {
    switch (t) {
        case TargetTable::Transactions: return "transactions";
        case TargetTable::Customers: return "customers";
        case TargetTable::Managers: return "managers";
        case TargetTable::Survey: return "survey";
        case TargetTable::CostToServe: return "cost_to_serve";
        case TargetTable::Notes: return "notes";
    }
    return "transactions";
}

const std::vector<FieldSpec>& targetFields(TargetTable t) {
    static const std::vector<FieldSpec> tx = {
        {"customer_id", "customer id; empty = anonymous sale (kept apart)", true},
        {"date", "date or date-time of the transaction", true},
        {"revenue", "line revenue (or give quantity and unit_price)", false},
        {"quantity", "quantity; negative = return", false},
        {"unit_price", "price per unit; revenue = quantity x unit_price", false},
        {"cost", "line cost", false},
        {"unit_cost", "cost per unit; cost = quantity x unit_cost", false},
        {"transaction_id", "transaction / invoice id", false},
        {"product", "product or stock code", false},
        {"category", "product category", false},
        {"channel", "sales channel", false},
        {"region", "region or country", false},
    };
    static const std::vector<FieldSpec> cu = {
        {"customer_id", "customer id", true},
        {"name", "customer name", false},
        {"region", "region or country", false},
        {"channel", "main channel", false},
        {"manager_id", "id of the commercial manager", false},
        {"acquisition_date", "date the customer was acquired", false},
        {"segment", "segment given by the company", false},
    };
    static const std::vector<FieldSpec> ma = {
        {"manager_id", "manager id", true},
        {"name", "name", false},
        {"parent_id", "id of the manager's own manager (hierarchy)", false},
        {"level", "level or role", false},
        {"region", "region", false},
    };
    static const std::vector<FieldSpec> su = {
        {"respondent_id", "respondent id (when there is no customer id)", false},
        {"customer_id", "customer id", false},
        {"date", "date of the answer", false},
        {"overall", "overall satisfaction", false},
        {"recommend", "likelihood to recommend, 0-10", false},
        {"repurchase", "repurchase intention", false},
    };
    static const std::vector<FieldSpec> cs = {
        {"channel", "channel", false},
        {"activity", "activity", false},
        {"cost_per_order", "cost per order / transaction", false},
        {"cost_per_customer_year", "cost per customer per year", false},
    };
    static const std::vector<FieldSpec> no = {
        {"customer_id", "customer id", true},
        {"date", "date", false},
        {"author", "author", false},
        {"text", "the note", true},
    };
    switch (t) {
        case TargetTable::Transactions: return tx;
        case TargetTable::Customers: return cu;
        case TargetTable::Managers: return ma;
        case TargetTable::Survey: return su;
        case TargetTable::CostToServe: return cs;
        case TargetTable::Notes: return no;
    }
    return tx;
}

}  // namespace cw::store
