#include "engine/kpi/Hierarchy.h"

namespace cw::engine::kpi {

Hierarchy::Hierarchy(const std::vector<ManagerRef>& managers) {
    const std::size_t n = managers.size();
    m_id.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        m_id.push_back(managers[i].id);
        m_index.emplace(managers[i].id, i);
    }
    m_parent.assign(n, -1);
    for (std::size_t i = 0; i < n; ++i) {
        const auto& p = managers[i].parentId;
        if (!p) continue;
        auto it = m_index.find(*p);
        if (it == m_index.end()) {
            m_problems.push_back("manager " + std::to_string(managers[i].id) + " reports to manager " +
                                 std::to_string(*p) + ", which does not exist: taken as a top node");
            continue;
        }
        if (it->second == i) {
            m_problems.push_back("manager " + std::to_string(managers[i].id) + " reports to itself: taken as a top node");
            continue;
        }
        m_parent[i] = static_cast<std::int64_t>(it->second);
    }
    // A loop of parents has no root above it: walk up from each node, and cut the loop at the
    // first node met again (that node becomes a root).
    std::vector<int> state(n, 0);  // 0 unvisited, 1 on the current walk, 2 done
    for (std::size_t start = 0; start < n; ++start) {
        std::vector<std::size_t> walk;
        std::int64_t v = static_cast<std::int64_t>(start);
        while (v >= 0 && state[static_cast<std::size_t>(v)] == 0) {
            state[static_cast<std::size_t>(v)] = 1;
            walk.push_back(static_cast<std::size_t>(v));
            v = m_parent[static_cast<std::size_t>(v)];
        }
        if (v >= 0 && state[static_cast<std::size_t>(v)] == 1) {
            const auto cut = static_cast<std::size_t>(v);
            m_problems.push_back("manager " + std::to_string(m_id[cut]) + " is in a loop of managers reporting to " +
                                 "each other: taken as a top node");
            m_parent[cut] = -1;
        }
        for (auto w : walk) state[w] = 2;
    }
    m_children.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        if (m_parent[i] < 0) m_roots.push_back(i);
        else m_children[static_cast<std::size_t>(m_parent[i])].push_back(i);
    }
    m_depth.assign(n, 0);
    m_preorder.reserve(n);
    std::vector<std::size_t> stack(m_roots.rbegin(), m_roots.rend());
    while (!stack.empty()) {
        const auto v = stack.back();
        stack.pop_back();
        m_preorder.push_back(v);
        const auto& c = m_children[v];
        for (auto it = c.rbegin(); it != c.rend(); ++it) {
            m_depth[*it] = m_depth[v] + 1;
            stack.push_back(*it);
        }
    }
}

std::optional<std::size_t> Hierarchy::node(std::int64_t managerId) const {
    auto it = m_index.find(managerId);
    if (it == m_index.end()) return std::nullopt;
    return it->second;
}

std::optional<std::size_t> Hierarchy::parent(std::size_t node) const {
    if (m_parent[node] < 0) return std::nullopt;
    return static_cast<std::size_t>(m_parent[node]);
}

std::vector<std::size_t> Hierarchy::subtree(std::size_t node) const {
    std::vector<std::size_t> out{node};
    for (std::size_t i = 0; i < out.size(); ++i)
        for (auto c : m_children[out[i]]) out.push_back(c);
    return out;
}

}  // namespace cw::engine::kpi
