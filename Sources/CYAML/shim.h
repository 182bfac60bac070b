// The system libyaml (Debian: libyaml-dev), whose event stream lexgap reads directly.
#include <yaml.h>
