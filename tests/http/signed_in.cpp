#include "tests/http/signed_in.hpp"

#include <gtest/gtest.h>

#include <cctype>
#include <cstdio>

namespace zoneatlas::testing {

std::string CookieValue(const std::string& set_cookie, const std::string& name) {
  const auto at = set_cookie.find(name + "=");
  if (at == std::string::npos) return "";
  const auto start = at + name.size() + 1;
  return set_cookie.substr(start, set_cookie.find(';', start) - start);
}

std::string FormToken(const std::string& page) {
  const std::string marker = "name=\"csrf_token\" value=\"";
  const auto at = page.find(marker);
  return at == std::string::npos ? "" : page.substr(at + marker.size(), 64);
}

std::string UrlEncode(const std::string& text) {
  std::string out;
  char buffer[4];
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.') {
      out += static_cast<char>(c);
    } else {
      std::snprintf(buffer, sizeof buffer, "%%%02X", c);
      out += buffer;
    }
  }
  return out;
}

void AddUser(const ServerProcess& server, const std::string& email, const std::vector<std::string>& roles) {
  // The password goes through standard input, never the command line.
  std::string command =
      std::string(ZONEATLAS_BINARY) + " --database " + server.database() + " user add --email " + email;
  for (const std::string& role : roles) command += " --role " + role;
  std::FILE* pipe = popen((command + " >/dev/null 2>&1").c_str(), "w");
  ASSERT_NE(pipe, nullptr);
  std::fputs((std::string(kPassword) + "\n").c_str(), pipe);
  ASSERT_EQ(pclose(pipe), 0) << command;
}

HttpResponse PostLogin(const ServerProcess& server, const std::string& email, const std::string& password,
                       const std::string& next) {
  const auto form = server.Get("/nl/login");
  const std::string csrf = CookieValue(form.Header("Set-Cookie"), "zoneatlas_csrf");
  return server.Request("POST", "/nl/login", {kFormType, "Cookie: zoneatlas_csrf=" + csrf},
                        "email=" + UrlEncode(email) + "&password=" + UrlEncode(password) + "&next=" + UrlEncode(next) +
                            "&csrf_token=" + csrf);
}

Session SignIn(const ServerProcess& server, const std::string& email) {
  const auto signed_in = PostLogin(server, email, kPassword);
  EXPECT_EQ(signed_in.status, 303) << signed_in.body.substr(0, 400);
  Session session;
  session.cookie = "zoneatlas_session=" + CookieValue(signed_in.Header("Set-Cookie"), "zoneatlas_session");
  session.csrf_token = FormToken(server.Get("/nl/account", {"Cookie: " + session.cookie}).body);
  return session;
}

}  // namespace zoneatlas::testing
