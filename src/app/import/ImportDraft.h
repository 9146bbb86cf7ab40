#pragma once
// What the import wizard has chosen so far (file, table, profile, what each column becomes,
// survey settings) and the store::ImportOptions that follow from it. Kept apart from the pages
// so the rules (one column per field, custom fields all-or-nothing) are testable without
// widgets.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/Result.h"
#include "store/Importer.h"

namespace cw::app {

class ImportDraft {
public:
    /// Column choices besides a field name.
    static constexpr const char* kIgnore = "ignore";
    static constexpr const char* kCustom = "custom";
    static constexpr const char* kAttribute = "attribute";

    std::string file;
    store::TargetTable table = store::TargetTable::Transactions;
    std::string profile;  ///< a profile name; empty: the table's generic profile

    // Surveys
    std::pair<double, double> scale{0.0, 10.0};
    std::optional<double> naValue;

    // Any table: how cells are read (as --value-map and --na-value on the command line)
    std::vector<std::string> valueMaps;  ///< one "FIELD:TEXT=VALUE,…" each
    std::vector<std::string> naTexts;    ///< cell texts that mean "no value"

    /// Whether the table keeps unmapped columns as custom fields (customers, surveys).
    bool tableKeepsCustomFields() const;
    std::string profileName() const;

    /// Forgets the column choices (another file, table or profile).
    void resetColumns();
    bool hasColumns() const { return !m_choices.empty(); }
    /// Takes the choices from a preview's column roles (field, "custom…", "ignored", "attribute").
    void initColumns(const std::vector<std::string>& header, const std::vector<std::string>& roles);
    /// Takes choices guessed from the profile when the store could not map the file (a required
    /// field has no column): the user then completes the mapping by hand.
    void initColumnsFromProfile(const std::vector<std::string>& header);

    const std::vector<std::string>& header() const { return m_header; }
    const std::vector<std::string>& choices() const { return m_choices; }
    /// Sets what a column becomes. A field moves from the column that had it; "custom" and
    /// "ignore" apply to every unmapped column, since the importer keeps all or none of them.
    void choose(int column, const std::string& choice);
    /// Makes a column unmapped again (custom or ignored, as the other unmapped columns).
    void clearColumn(int column);
    bool fieldsEdited() const { return m_fieldsEdited; }
    std::vector<std::string> attributes() const;

    /// The options for previewImport/importFile. When fields were edited, the mapping goes into
    /// a profile written to `scratchDir` (a profile can leave a field unmapped; --map cannot).
    Result<store::ImportOptions> toOptions(const std::string& scratchDir) const;

private:
    std::string unmappedChoice() const;
    static bool isField(const std::string& choice);

    std::vector<std::string> m_header;
    std::vector<std::string> m_choices;
    bool m_fieldsEdited = false;
    bool m_keepUnmapped = true;
};

}  // namespace cw::app
