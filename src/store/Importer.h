#pragma once
// Import of a delimited text file into a workbook table. One import is one
// SQLite transaction: all or nothing. Every data record is either loaded or
// rejected with its line, column and reason (stored in import_rejects).
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/Progress.h"
#include "core/Result.h"

namespace cw::store {

class Workbook;

enum class TargetTable { Transactions, Customers, Managers, Survey, CostToServe, Notes };

std::optional<TargetTable> parseTargetTable(std::string_view name);
std::string_view targetTableName(TargetTable t);

/// A target field of a table, as named in profiles and --map.
struct FieldSpec {
    std::string name;
    std::string description;
    bool required = false;  ///< see also requiredAlternatives
};
const std::vector<FieldSpec>& targetFields(TargetTable t);

struct ImportOptions {
    std::string file;
    TargetTable table = TargetTable::Transactions;
    std::string profile;                      ///< name or .json path; empty: generic for the table
    std::string userProfileDir;               ///< where saved profiles live (empty: default)
    std::map<std::string, std::string> map;   ///< field -> column, wins over the profile
    std::string delimiter;                    ///< overrides the profile when set ("auto", ",", "tab"…)
    std::string encoding;                     ///< overrides the profile when set
    std::string dateFormat;                   ///< overrides the profile when set
    std::optional<bool> header;               ///< overrides the profile when set

    // Surveys
    std::vector<std::string> attributes;      ///< columns holding service-attribute scores
    std::optional<std::pair<double, double>> scale;  ///< attribute score scale (e.g. 0–5)
    std::optional<double> naValue;            ///< survey score meaning "not applicable" (also in naTexts)
    /// Scale of overall satisfaction and repurchase intention (rescaled to 0-100). Default: the
    /// range of its --value-map, else the attribute scale, else 0-10.
    std::optional<std::pair<double, double>> overallScale;
    /// Field (or column name) -> (text as written -> text read), any table: answers to numbers
    /// (overall: Satisfied=1, "Neutral or Dissatisfied"=0) or codes to labels (channel: 1=Horeca).
    /// Texts match after trimming, ignoring case.
    std::map<std::string, std::map<std::string, std::string>> valueMaps;
    /// Cell texts that mean "no value" in every column of any table (e.g. "?", "NA").
    std::vector<std::string> naTexts;

    bool replace = false;          ///< re-import a file already imported, replacing its rows
    double maxRejectShare = 0.5;   ///< fail (store nothing) when more records than this are rejected
    bool keepUnmapped = true;      ///< customers/survey: keep unmapped columns as custom fields
};

struct ImportReport {
    std::int64_t importId = 0;
    std::string file;
    std::string table;
    std::string profile;
    std::string dialect;     ///< e.g. "comma, header, UTF-8"
    std::int64_t records = 0;    ///< data records read = loaded + rejected
    std::int64_t loaded = 0;
    std::int64_t rejected = 0;
    std::int64_t returns = 0;        ///< transactions: returns/cancellations loaded
    std::int64_t anonymous = 0;      ///< transactions: loaded without a customer id
    std::int64_t customersCreated = 0;  ///< customers inserted (by any table: customers, transactions, surveys)
    std::int64_t customersUpdated = 0;
    std::int64_t managersCreated = 0;
    std::int64_t customFields = 0;
    std::map<std::string, std::int64_t> reasons;   ///< reject reason -> count
    std::map<std::string, std::string> mapping;    ///< field -> column used
    std::vector<std::string> warnings;
    double seconds = 0;
};

/// Runs an import. Errors: Usage (bad mapping/options), Input (unusable file, nothing
/// stored), Workbook, Cancelled (progress callback said stop; nothing stored).
Result<ImportReport> importFile(Workbook& wb, const ImportOptions& options, const ProgressFn& progress = {});

/// Comma-separated items, trimmed; "double quotes" keep commas inside an item.
std::vector<std::string> splitList(const std::string& text);
/// Adds one value map, written as on the command line and in the import wizard —
/// `FIELD:TEXT=VALUE,TEXT=VALUE` (`overall:Satisfied=1,"Neutral or Dissatisfied"=0`,
/// `channel:1=Horeca,2=Retail`) — to `into` (ImportOptions::valueMaps). Usage error naming the
/// item that is not TEXT=VALUE.
Status addValueMap(const std::string& spec, std::map<std::string, std::map<std::string, std::string>>& into);

/// What the import would do with the first rows, for the import wizard.
struct ImportPreview {
    std::string dialect;
    std::vector<std::string> header;                 ///< column names (or "column 1"… without header)
    std::vector<std::vector<std::string>> rows;      ///< first rows as text
    std::vector<std::string> columnRoles;            ///< per column: target field, "custom (number)", "ignored"…
    std::vector<std::string> parsedColumns;          ///< the fields of `parsed`
    std::vector<std::vector<std::string>> parsed;    ///< first rows as the import would store them
    std::vector<std::string> rowStatus;              ///< per row: "ok" or the reject reason
    std::map<std::string, std::string> mapping;
    std::vector<std::string> warnings;
};
Result<ImportPreview> previewImport(const ImportOptions& options, int maxRows = 20);

/// Writes the rejects of one import as CSV (line, column, column_name, reason, message, value).
Status writeRejectsCsv(Workbook& wb, std::int64_t importId, const std::string& path);

}  // namespace cw::store
