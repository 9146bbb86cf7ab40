#include "report/ReportOptions.h"

#include <QImageReader>

#include "report/ReportSection.h"

namespace cw::report {

Status ReportOptions::validate() const {
    const auto& registry = SectionRegistry::standard();
    for (const auto& id : sections) {
        const auto* s = registry.find(id);
        if (!s || s->kind() != kind) {
            std::string known;
            for (const auto* k : registry.sections(kind)) known += (known.empty() ? "" : ", ") + std::string(k->id());
            return makeError(ErrorKind::Usage, "unknown report section '" + id + "'",
                             "choose among: " + known);
        }
    }
    if (listRows < 1 || portfolioRows < 1)
        return makeError(ErrorKind::Usage, "the number of customers listed must be at least 1");
    if (!logoPath.isEmpty()) {
        QImageReader reader(logoPath);
        if (!reader.canRead()) {
            Error e = makeError(ErrorKind::Usage, "the logo cannot be read: " + reader.errorString().toStdString(),
                                "give a PNG or JPEG file");
            e.file = logoPath.toStdString();
            return e;
        }
    }
    return {};
}

}  // namespace cw::report
