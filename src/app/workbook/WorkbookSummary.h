#pragma once
// What the window shows about an open workbook: table counts and the imports, read once per
// change by WorkbookDocument and handed to the item models (views never query the store).
#include <QString>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "store/Workbook.h"

namespace cw::app {

struct WorkbookSummary {
    QString path;
    int schemaVersion = 0;
    std::map<std::string, std::int64_t> counts;  ///< store::Workbook::tableCounts()
    std::vector<store::ImportSummary> imports;

    std::int64_t count(const std::string& table) const {
        auto it = counts.find(table);
        return it == counts.end() ? 0 : it->second;
    }
};

}  // namespace cw::app
