// Throwaway timing of the CSV reader alone (not built by CMake). Build and run:
//   g++ -std=c++20 -O2 -I src bench/csv_read_bench.cpp
//   src/store/csv/{CsvReader,Dialect,Encoding,Sniffer,ValueParser,DateTimeParser}.cpp \
//       src/core/{Error,CivilTime}.cpp -o /tmp/csv_read_bench && /tmp/csv_read_bench
//       /tmp/gen1m/transactions.csv
// Prints the best of a few runs: reading only, then reading plus parsing every field
// as the importer would (numbers, dates).
#include <chrono>
#include <cstdio>

#include "store/csv/CsvReader.h"
#include "store/csv/ValueParser.h"

using namespace cw::store::csv;

static double run(const char* path, bool typed, std::int64_t& records, double& checksum) {
    const auto t0 = std::chrono::steady_clock::now();
    auto r = Reader::open(path);
    if (!r) {
        std::fprintf(stderr, "%s\n", r.error().describe().c_str());
        return -1;
    }
    Record rec;
    records = 0;
    checksum = 0;
    while ((*r)->next(rec)) {
        ++records;
        checksum += static_cast<double>(rec.fields.size());
        if (!typed || rec.index == 0) continue;
        for (auto f : rec.fields) {
            if (auto v = parseNumber(f))
                checksum += *v;
            else if (auto d = parseDateTime(f))
                checksum += static_cast<double>(d->seconds % 7);
        }
    }
    if ((*r)->error()) std::fprintf(stderr, "%s\n", (*r)->error()->describe().c_str());
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

int main(int argc, char** argv) {
    const char* path = argc > 1 ? argv[1] : "/tmp/gen1m/transactions.csv";
    for (bool typed : {false, true}) {
        double best = 1e9, checksum = 0;
        std::int64_t records = 0;
        for (int i = 0; i < 5; ++i) best = std::min(best, run(path, typed, records, checksum));
        std::printf("%-22s %lld records, best of 5: %.3f s (checksum %.1f)\n",
                    typed ? "read + parse fields:" : "read only:", static_cast<long long>(records),
                    best, checksum);
    }
}
