// Boost.JSON is used header-only: its implementation is compiled here, once for the library.
#include <boost/json/src.hpp>
