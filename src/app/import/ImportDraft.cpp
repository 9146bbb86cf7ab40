#include "app/import/ImportDraft.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>

#include "store/MappingProfile.h"

namespace cw::app {
namespace {

std::string normalized(std::string_view s) {
    std::string out;
    for (unsigned char c : s)
        if (std::isalnum(c)) out += static_cast<char>(std::tolower(c));
    return out;
}

// The column a profile spec ("Name|Alias", "#3") names, matched the way the store documents it
// (exact, then ignoring case and punctuation); -1 if none.
int matchColumn(const std::string& spec, const std::vector<std::string>& header) {
    std::size_t start = 0;
    while (start <= spec.size()) {
        const auto end = std::min(spec.find('|', start), spec.size());
        const std::string cand = spec.substr(start, end - start);
        start = end + 1;
        if (cand.size() > 1 && cand[0] == '#') {
            const int n = std::atoi(cand.c_str() + 1);
            if (n >= 1 && n <= static_cast<int>(header.size())) return n - 1;
            continue;
        }
        for (std::size_t i = 0; i < header.size(); ++i)
            if (header[i] == cand) return static_cast<int>(i);
        for (std::size_t i = 0; i < header.size(); ++i)
            if (normalized(header[i]) == normalized(cand)) return static_cast<int>(i);
    }
    return -1;
}

}  // namespace

bool ImportDraft::tableKeepsCustomFields() const {
    return table == store::TargetTable::Customers || table == store::TargetTable::Survey;
}

std::string ImportDraft::profileName() const {
    if (!profile.empty()) return profile;
    // The store's default: the generic profile of the table.
    std::string name = "generic-" + std::string(store::targetTableName(table));
    std::replace(name.begin(), name.end(), '_', '-');
    return name;
}

bool ImportDraft::isField(const std::string& choice) {
    return choice != kIgnore && choice != kCustom && choice != kAttribute;
}

void ImportDraft::resetColumns() {
    m_header.clear();
    m_choices.clear();
    m_fieldsEdited = false;
    m_keepUnmapped = true;
}

void ImportDraft::initColumns(const std::vector<std::string>& header,
                              const std::vector<std::string>& roles) {
    m_header = header;
    m_choices.assign(header.size(), kIgnore);
    for (std::size_t i = 0; i < header.size() && i < roles.size(); ++i) {
        const std::string& role = roles[i];
        if (role == "custom" || role.rfind("custom (", 0) == 0)  // not "customer_id"
            m_choices[i] = kCustom;
        else if (role == "ignored" || role.empty())
            m_choices[i] = kIgnore;
        else
            m_choices[i] = role;  // a field name or "attribute"
    }
    m_fieldsEdited = false;
}

void ImportDraft::initColumnsFromProfile(const std::vector<std::string>& header) {
    m_header = header;
    m_choices.assign(header.size(), unmappedChoice());
    if (auto p = store::findProfile(profileName())) {
        for (const auto& [field, spec] : p->columns) {
            const int c = matchColumn(spec, header);
            if (c >= 0 && m_choices[c] == unmappedChoice()) m_choices[c] = field;
        }
    }
    // The store refused this mapping, so every later preview uses the mapping shown here.
    m_fieldsEdited = true;
}

std::string ImportDraft::unmappedChoice() const {
    return tableKeepsCustomFields() && m_keepUnmapped ? kCustom : kIgnore;
}

void ImportDraft::choose(int column, const std::string& choice) {
    if (column < 0 || column >= static_cast<int>(m_choices.size())) return;
    std::string& current = m_choices[static_cast<std::size_t>(column)];
    if (current == choice) return;
    if (isField(current) || isField(choice)) m_fieldsEdited = true;
    if (choice == kCustom || choice == kIgnore) {
        m_keepUnmapped = choice == kCustom && tableKeepsCustomFields();
        for (auto& c : m_choices)
            if (c == kCustom || c == kIgnore) c = unmappedChoice();
    } else if (isField(choice)) {
        for (auto& c : m_choices)
            if (c == choice) c = unmappedChoice();
    }
    current = choice == kCustom ? unmappedChoice() : choice;
}

void ImportDraft::clearColumn(int column) {
    if (column < 0 || column >= static_cast<int>(m_choices.size())) return;
    std::string& current = m_choices[static_cast<std::size_t>(column)];
    if (isField(current)) m_fieldsEdited = true;
    current = unmappedChoice();
}

std::vector<std::string> ImportDraft::attributes() const {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < m_choices.size(); ++i)
        if (m_choices[i] == kAttribute) out.push_back(m_header[i]);
    return out;
}

Result<store::ImportOptions> ImportDraft::toOptions(const std::string& scratchDir) const {
    store::ImportOptions o;
    o.file = file;
    o.table = table;
    o.profile = profileName();
    if (table == store::TargetTable::Survey) {
        o.scale = scale;
        o.naValue = naValue;
    }
    for (const auto& spec : valueMaps)
        if (auto st = store::addValueMap(spec, o.valueMaps); !st) return st.takeError();
    o.naTexts = naTexts;
    if (!hasColumns()) return o;
    o.attributes = attributes();
    o.keepUnmapped = m_keepUnmapped;
    if (!m_fieldsEdited) return o;

    auto p = store::findProfile(o.profile);
    if (!p) return p.takeError();
    p->columns.clear();
    for (std::size_t i = 0; i < m_choices.size(); ++i)
        if (isField(m_choices[i])) p->columns[m_choices[i]] = "#" + std::to_string(i + 1);
    p->name += " (edited)";
    p->title += " (edited)";
    const std::string path = (std::filesystem::path(scratchDir) / "edited-profile.json").string();
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << p->toJson();
    if (!out) {
        Error e = makeError(ErrorKind::Internal, "cannot write the edited mapping",
                            "check free space in the temporary folder");
        e.file = path;
        return e;
    }
    o.profile = path;
    return o;
}

}  // namespace cw::app
