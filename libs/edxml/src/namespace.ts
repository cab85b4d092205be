/** The edXML namespace (jar BaseXmlBuilder); samples use it both as default and with the prefix `edXML`. */
export const EDXML_NAMESPACE = 'http://www.mic.gov.vn/TBT/QCVN_102_2016';
export const EDXML_PREFIX = 'edXML';
export const XMLDSIG_NAMESPACE = 'http://www.w3.org/2000/09/xmldsig#';
