# Writes OUT: NOTICE (SRC) up to its list of GUM documents, the part Help > About shows. The whole
# file is NOTICE.txt beside the page; the list is most of it, so the module carries only the head.
# Run as: cmake -DSRC=NOTICE -DOUT=.. -P this
file(READ ${SRC} text)
string(FIND "${text}" "\nGUM documents included" cut)
if(cut GREATER -1)
  string(SUBSTRING "${text}" 0 ${cut} text)
endif()
file(WRITE ${OUT} "${text}")
