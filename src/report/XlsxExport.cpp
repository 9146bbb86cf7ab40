#include "report/XlsxExport.h"

#include <QFile>
#include <QFileInfo>

#include <xlsxwriter.h>

#include <algorithm>
#include <map>
#include <string>

namespace cw::report {
namespace {

Error xlsxError(const QString& path, const std::string& what) {
    Error e = makeError(ErrorKind::Internal, "cannot write the spreadsheet: " + what,
                        "choose a folder you can write to, with free space");
    e.file = path.toStdString();
    return e;
}

}  // namespace

QString sheetName(const QString& wanted, const std::vector<QString>& taken) {
    QString base;
    for (QChar c : wanted) base += QStringLiteral("[]:*?/\\").contains(c) ? u' ' : c;
    base = base.simplified();
    if (base.startsWith(u'\'')) base.remove(0, 1);
    if (base.isEmpty()) base = QStringLiteral("Table");
    auto isTaken = [&](const QString& name) {
        return std::any_of(taken.begin(), taken.end(),
                           [&](const QString& t) { return t.compare(name, Qt::CaseInsensitive) == 0; });
    };
    QString name = base.left(31);
    for (int n = 2; isTaken(name); ++n) {
        const QString suffix = QStringLiteral(" (%1)").arg(n);
        name = base.left(31 - suffix.size()) + suffix;
    }
    return name;
}

Status writeXlsx(const ReportDocument& doc, const QString& path) {
    const QString temp = path + QStringLiteral(".part");
    const std::string tempName = QFile::encodeName(temp).toStdString();
    lxw_workbook_options options{};
    options.constant_memory = LXW_FALSE;
    options.use_zip64 = LXW_TRUE;
    lxw_workbook* book = workbook_new_opt(tempName.c_str(), &options);
    if (!book) return xlsxError(path, "the file cannot be created");
    lxw_format* bold = workbook_add_format(book);
    format_set_bold(bold);
    lxw_format* title = workbook_add_format(book);
    format_set_bold(title);
    format_set_font_size(title, 12);
    lxw_format* header = workbook_add_format(book);
    format_set_bold(header);
    format_set_bg_color(header, 0xE2E9F2);
    format_set_bottom(header, LXW_BORDER_THIN);
    format_set_text_wrap(header);
    std::map<std::string, lxw_format*> numberFormats;
    auto numberFormat = [&](const char* f) {
        auto& slot = numberFormats[f];
        if (!slot) {
            slot = workbook_add_format(book);
            format_set_num_format(slot, f);
        }
        return slot;
    };
    std::vector<QString> taken;
    for (const Table* t : doc.tables()) {
        const QString name = sheetName(t->sheet.isEmpty() ? t->title : t->sheet, taken);
        taken.push_back(name);
        const std::string sheetUtf8 = name.toStdString();
        lxw_worksheet* sheet = workbook_add_worksheet(book, sheetUtf8.c_str());
        if (!sheet) {
            workbook_close(book);
            QFile::remove(temp);
            return xlsxError(path, "the sheet '" + sheetUtf8 + "' cannot be added");
        }
        worksheet_write_string(sheet, 0, 0, t->title.toStdString().c_str(), title);
        const lxw_row_t head = 2;
        std::vector<double> widths(t->header.size(), 8.0);
        for (std::size_t c = 0; c < t->header.size(); ++c) {
            worksheet_write_string(sheet, head, lxw_col_t(c), t->header[c].toStdString().c_str(), header);
            widths[c] = std::max(widths[c], double(t->header[c].size()) * 0.9);
        }
        lxw_row_t row = head + 1;
        for (std::size_t r = 0; r < t->rows.size(); ++r, ++row) {
            const bool isBold = r < t->bold.size() && t->bold[r];
            for (std::size_t c = 0; c < t->header.size() && c < t->rows[r].size(); ++c) {
                const Cell& cell = t->rows[r][c];
                if (cell.hasNumber()) {
                    worksheet_write_number(sheet, row, lxw_col_t(c), cell.number,
                                           cell.numberFormat ? numberFormat(cell.numberFormat) : nullptr);
                    widths[c] = std::max(widths[c], double(cell.text.size()) + 1.0);
                } else if (!cell.text.isEmpty()) {
                    // write_string never makes a formula: data starting with '=' stays text.
                    worksheet_write_string(sheet, row, lxw_col_t(c), cell.text.toStdString().c_str(),
                                           isBold ? bold : nullptr);
                    widths[c] = std::max(widths[c], std::min(60.0, double(cell.text.size()) + 1.0));
                }
            }
        }
        if (!t->note.isEmpty()) worksheet_write_string(sheet, row + 1, 0, t->note.toStdString().c_str(), nullptr);
        for (std::size_t c = 0; c < widths.size(); ++c)
            worksheet_set_column(sheet, lxw_col_t(c), lxw_col_t(c), widths[c], nullptr);
        worksheet_freeze_panes(sheet, head + 1, 0);
    }
    if (taken.empty()) {
        // A workbook needs a sheet: say why this one is empty.
        lxw_worksheet* sheet = workbook_add_worksheet(book, "Report");
        worksheet_write_string(sheet, 0, 0, "This report has no tables.", nullptr);
    }
    const lxw_error err = workbook_close(book);
    if (err != LXW_NO_ERROR) {
        QFile::remove(temp);
        return xlsxError(path, lxw_strerror(err));
    }
    QFile::remove(path);
    if (!QFile::rename(temp, path)) {
        QFile::remove(temp);
        return xlsxError(path, "the finished file cannot be moved into place");
    }
    return {};
}

}  // namespace cw::report
