#include "report/ReportDocument.h"

#include <QCoreApplication>

#include <algorithm>

#include "report/Format.h"

namespace cw::report {

void Table::printFirst(std::size_t limit) {
    limit = std::max<std::size_t>(1, limit);
    if (rows.size() <= limit) return;
    printRows = limit;
    const QString said = QCoreApplication::translate("Report", "The first %1 of %2 are printed; the spreadsheet has every one.")
                             .arg(fmt::count(std::int64_t(limit)), fmt::count(std::int64_t(rows.size())));
    note = note.isEmpty() ? said : note + QStringLiteral(" ") + said;
}

std::vector<const Table*> ReportDocument::tables() const {
    std::vector<const Table*> out;
    for (const auto& b : blocks)
        if (const auto* t = std::get_if<Table>(&b)) out.push_back(t);
    return out;
}

}  // namespace cw::report
