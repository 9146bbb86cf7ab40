#pragma once
// A workbook setting declared once: key, type, default and check together (the qBittorrent
// SettingValue idea, for settings that travel with the workbook). Every setting the program
// reads or writes is defined in WorkbookSettings.h and used only through read()/write() here,
// so no key is spelt twice and no value is read without its check.
#include <functional>
#include <string>
#include <utility>

#include "core/Result.h"
#include "store/Database.h"
#include "store/Workbook.h"

namespace cw::engine::settings {

/// Logs that a stored setting could not be read and its default is used.
void warnUnreadable(const Error& e);

template <class T>
struct Setting {
    std::string key;   ///< the settings table's key
    std::string what;  ///< for people: what it holds (docs/analysis.md lists them)
    T fallback;        ///< the value of a workbook that has none
    /// Stored JSON text -> value, checked; an error says which setting and what is wrong.
    std::function<Result<T>(const std::string& json)> decode;
    /// Value -> JSON text; the value is checked with decode() before it is stored.
    std::function<std::string(const T&)> encode;
};

/// The stored value, the fallback when unset, or the error decode() gives.
template <class T>
Result<T> read(store::Database& db, const Setting<T>& s) {
    const auto raw = store::readSetting(db, s.key);
    if (!raw) return s.fallback;
    return s.decode(*raw);
}

/// The stored value, or the fallback with a warning in the log when it cannot be read: for
/// settings that only refine a view (a matrix still draws with its default).
template <class T>
T readOr(store::Database& db, const Setting<T>& s) {
    auto v = read(db, s);
    if (v) return std::move(*v);
    warnUnreadable(v.error());
    return s.fallback;
}

/// Stores a value inside the caller's transaction, after the same check a read makes.
template <class T>
Status write(store::WriteTransaction& tx, const Setting<T>& s, const T& value) {
    auto json = s.encode(value);
    if (auto back = s.decode(json); !back) return back.takeError();
    return store::writeSetting(tx, s.key, json);
}

/// write() in a transaction of its own.
template <class T>
Status save(store::Database& db, const Setting<T>& s, const T& value) {
    return store::inOwnTransaction(db, [&](store::WriteTransaction& tx) { return write(tx, s, value); });
}

/// Back to the fallback: the key is removed, inside the caller's transaction.
template <class T>
Status clear(store::WriteTransaction& tx, const Setting<T>& s) {
    return store::removeSetting(tx, s.key);
}

}  // namespace cw::engine::settings
