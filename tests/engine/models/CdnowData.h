#pragma once
// Test helper: the CDNOW purchase files read into a PurchaseLog with a minimal parser
// (the importer is tested elsewhere; these tests need only the numbers).
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include <gtest/gtest.h>

#include <cmath>

#include "core/CivilTime.h"
#include "engine/models/PurchaseLog.h"
#include "engine/models/RfmSummary.h"
#include "support/TempDir.h"

namespace cw::test {

struct Purchase {
    std::int64_t customer;
    std::int32_t day;
    double value;
};

/// Sorts by customer and day and sums purchases of one day, as PurchaseLog requires.
inline engine::PurchaseLog toPurchaseLog(std::vector<Purchase> rows) {
    std::sort(rows.begin(), rows.end(), [](const Purchase& l, const Purchase& r) {
        return std::tie(l.customer, l.day) < std::tie(r.customer, r.day);
    });
    engine::PurchaseLog log;
    for (std::size_t k = 0; k < rows.size(); ++k) {
        const auto& p = rows[k];
        if (log.customerId.empty() || log.customerId.back() != p.customer) {
            if (!log.customerId.empty()) log.offset.push_back(std::int64_t(log.day.size()));
            log.customerId.push_back(p.customer);
        } else if (log.day.back() == p.day) {
            log.value.back() += p.value;
            continue;
        }
        log.day.push_back(p.day);
        log.value.push_back(p.value);
    }
    if (!log.customerId.empty()) log.offset.push_back(std::int64_t(log.day.size()));
    return log;
}

inline std::int32_t dayOfYmd(long ymd) {
    return std::int32_t(
        daysFromCivil(int(ymd / 10000), unsigned(ymd / 100 % 100), unsigned(ymd % 100)));
}

/// tests/data/cdnow_sample.csv, cdnow_master_slice.csv: header `customer,date,value`, date
/// YYYYMMDD.
inline std::vector<Purchase> readCdnowCsv(const std::string& path) {
    std::ifstream in(path);
    std::string line;
    std::getline(in, line);
    std::vector<Purchase> rows;
    while (std::getline(in, line)) {
        long id = 0, ymd = 0;
        double value = 0;
        char c1 = 0, c2 = 0;
        std::istringstream ss(line);
        if (ss >> id >> c1 >> ymd >> c2 >> value) rows.push_back({id, dayOfYmd(ymd), value});
    }
    return rows;
}

/// Where CDNOW_master.txt would be: $CW_SHARED_DATA/cdnow, else shared/data/cdnow beside the
/// checkout (the file is too large to commit; tests that need it skip when it is absent).
inline std::string cdnowMasterPath() {
    const char* shared = std::getenv("CW_SHARED_DATA");
    const std::string root = shared && *shared
                                 ? std::string(shared)
                                 : std::string(CW_TEST_DATA_DIR) + "/../../../shared/data";
    return root + "/cdnow/CDNOW_master.txt";
}

/// CDNOW_master.txt: whitespace-separated `id date cds value`, optional header line.
inline std::vector<Purchase> readCdnowMaster(const std::string& path) {
    std::ifstream in(path);
    std::string line;
    std::vector<Purchase> rows;
    while (std::getline(in, line)) {
        long id = 0, ymd = 0, cds = 0;
        double value = 0;
        std::istringstream ss(line);
        if (ss >> id >> ymd >> cds >> value) rows.push_back({id, dayOfYmd(ymd), value});
    }
    return rows;
}

/// The CDNOW reference setting of the published fits: weeks, calibration end 1997-09-30.
inline engine::RfmSummary cdnowWeeks(const engine::PurchaseLog& log) {
    engine::CalibrationOptions o;
    o.unit = engine::TimeUnit::Weeks;
    o.calibrationEnd = dayOfYmd(19970930);
    return engine::summarizePurchases(log, o);
}

/// The committed CDNOW sample (2,357 customers) in that setting.
inline engine::RfmSummary cdnowSample() {
    return cdnowWeeks(toPurchaseLog(readCdnowCsv(testData("cdnow_sample.csv"))));
}

/// The committed slice of the CDNOW master (tests/data/cdnow_master_slice.csv: customers whose
/// id is 7 mod 10 and who are not in the published sample; 2,118 customers) in that setting.
/// Its reference fits come from tests/data/tools/cdnow_reference_fit.py, not from our engine.
inline engine::RfmSummary cdnowMasterSlice() {
    return cdnowWeeks(toPurchaseLog(readCdnowCsv(testData("cdnow_master_slice.csv"))));
}

inline void expectWithin(double value, double reference, double relative) {
    EXPECT_NEAR(value, reference, std::abs(reference) * relative) << "reference " << reference;
}

}  // namespace cw::test
