#include "report/ReportDocument.h"

namespace cw::report {

std::vector<const Table*> ReportDocument::tables() const {
    std::vector<const Table*> out;
    for (const auto& b : blocks)
        if (const auto* t = std::get_if<Table>(&b)) out.push_back(t);
    return out;
}

}  // namespace cw::report
